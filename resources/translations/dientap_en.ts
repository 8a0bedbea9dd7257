<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
    <context>
        <name>ClockBar</name>
        <message numerus="yes">
            <source>%n min behind</source>
            <translation>
                <numerusform>%n min behind</numerusform>
                <numerusform>%n min behind</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min ahead</source>
            <translation>
                <numerusform>%n min ahead</numerusform>
                <numerusform>%n min ahead</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> and %n more</numerusform>
                <numerusform> and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CsvImportDialog</name>
        <message numerus="yes">
            <source>%n score(s) read, every row is valid. Nothing is written until you import.</source>
            <translation>
                <numerusform>%n score read, every row is valid. Nothing is written until you import.</numerusform>
                <numerusform>%n scores read, every row is valid. Nothing is written until you import.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Import %n score(s)</source>
            <translation>
                <numerusform>&amp;Import %n score</numerusform>
                <numerusform>&amp;Import %n scores</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The file holds no score: the score column of its %n row(s) is empty. Type the scores in, save the file and import it again.</source>
            <translation>
                <numerusform>The file holds no score: the score column of its %n row is empty. Type the scores in, save the file and import it again.</numerusform>
                <numerusform>The file holds no score: the score column of its %n rows is empty. Type the scores in, save the file and import it again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with no score (lines %1) are left out: the scores already given to those criteria stay as they are.</source>
            <translation>
                <numerusform>%n row with no score (line %1) is left out: the score already given to that criterion stays as it is.</numerusform>
                <numerusform>%n rows with no score (lines %1) are left out: the scores already given to those criteria stay as they are.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>«%1»: %n bad row(s), nothing was written. Correct the file and import it again.</source>
            <translation>
                <numerusform>«%1»: %n bad row, nothing was written. Correct the file and import it again.</numerusform>
                <numerusform>«%1»: %n bad rows, nothing was written. Correct the file and import it again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>New observer(s), added by the import: %1.</source>
            <translation>
                <numerusform>New observer, added by the import: %1.</numerusform>
                <numerusform>New observers, added by the import: %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DecisionsModel</name>
        <message numerus="yes">
            <source>%n edit(s)</source>
            <translation>
                <numerusform>%n edit</numerusform>
                <numerusform>%n edits</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Director</name>
        <message numerus="yes">
            <source>%n inject(s) have not been delivered yet.</source>
            <translation>
                <numerusform>%n inject has not been delivered yet.</numerusform>
                <numerusform>%n injects have not been delivered yet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>On %n inject(s) delivered, some posts have not answered yet.</source>
            <translation>
                <numerusform>On %n inject delivered, some posts have not answered yet.</numerusform>
                <numerusform>On %n injects delivered, some posts have not answered yet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n decision(s) typed in the form have not been recorded (Ctrl+Enter) and will be lost.</source>
            <translation>
                <numerusform>%n decision typed in the form has not been recorded (Ctrl+Enter) and will be lost.</numerusform>
                <numerusform>%n decisions typed in the form have not been recorded (Ctrl+Enter) and will be lost.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This laptop's clock is %n minute(s) behind the last moment recorded in the exercise file (another laptop's clock, or this one's, is wrong). The program goes on from that moment, so that nothing new comes before what was recorded. Set this laptop's date and time right, then close and open the file again.</source>
            <translation>
                <numerusform>This laptop's clock is %n minute behind the last moment recorded in the exercise file (another laptop's clock, or this one's, is wrong). The program goes on from that moment, so that nothing new comes before what was recorded. Set this laptop's date and time right, then close and open the file again.</numerusform>
                <numerusform>This laptop's clock is %n minutes behind the last moment recorded in the exercise file (another laptop's clock, or this one's, is wrong). The program goes on from that moment, so that nothing new comes before what was recorded. Set this laptop's date and time right, then close and open the file again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n decision(s) typed before the file was last closed were not recorded. They were kept and are in the form again when their post is chosen on their inject (Alt+1…9): %1. Record them with Ctrl+Enter, or clear the text.</source>
            <translation>
                <numerusform>%n decision typed before the file was last closed was not recorded. It was kept and is in the form again when its post is chosen on its inject (Alt+1…9): %1. Record it with Ctrl+Enter, or clear the text.</numerusform>
                <numerusform>%n decisions typed before the file was last closed were not recorded. They were kept and are in the form again when their post is chosen on their inject (Alt+1…9): %1. Record them with Ctrl+Enter, or clear the text.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The exercise was left running: its clock has gone on since the last action recorded, at %1 (%n minute(s) ago). If the exercise stopped meanwhile, pause it (F9) and resume when it goes on.</source>
            <translation>
                <numerusform>The exercise was left running: its clock has gone on since the last action recorded, at %1 (%n minute ago). If the exercise stopped meanwhile, pause it (F9) and resume when it goes on.</numerusform>
                <numerusform>The exercise was left running: its clock has gone on since the last action recorded, at %1 (%n minutes ago). If the exercise stopped meanwhile, pause it (F9) and resume when it goes on.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MakeKitsDialog</name>
        <message numerus="yes">
            <source>%n kit(s) already exist in this folder. Replace them? Scores entered in them and not yet merged would be lost.</source>
            <translation>
                <numerusform>%n kit already exists in this folder. Replace it? Scores entered in it and not yet merged would be lost.</numerusform>
                <numerusform>%n kits already exist in this folder. Replace them? Scores entered in them and not yet merged would be lost.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n kit(s) written to %1:</source>
            <translation>
                <numerusform>%n kit written to %1:</numerusform>
                <numerusform>%n kits written to %1:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n post(s)</source>
            <translation>
                <numerusform>%n post</numerusform>
                <numerusform>%n posts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeResultsModel</name>
        <message numerus="yes">
            <source>Merged; %n score(s) older than the observer's later entries kept out</source>
            <translation>
                <numerusform>Merged; %n score older than the observer's later entries kept out</numerusform>
                <numerusform>Merged; %n scores older than the observer's later entries kept out</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n score(s) taken back in the kit kept: corrected in the exercise since</source>
            <translation>
                <numerusform>; %n score taken back in the kit kept: corrected in the exercise since</numerusform>
                <numerusform>; %n scores taken back in the kit kept: corrected in the exercise since</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n score(s) entered before the directing staff's correction kept out</source>
            <translation>
                <numerusform>; %n score entered before the directing staff's correction kept out</numerusform>
                <numerusform>; %n scores entered before the directing staff's correction kept out</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n score(s) withdrawn as in the kit</source>
            <translation>
                <numerusform>; %n score withdrawn as in the kit</numerusform>
                <numerusform>; %n scores withdrawn as in the kit</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n note(s) withdrawn as in the kit</source>
            <translation>
                <numerusform>; %n note withdrawn as in the kit</numerusform>
                <numerusform>; %n notes withdrawn as in the kit</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n unchanged score(s) stay as the directing staff corrected or took them back</source>
            <translation>
                <numerusform>; %n unchanged score stays as the directing staff corrected or took it back</numerusform>
                <numerusform>; %n unchanged scores stay as the directing staff corrected or took them back</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PostsModel</name>
        <message numerus="yes">
            <source>LATE: no answer for %n min</source>
            <translation>
                <numerusform>LATE: no answer for %n min</numerusform>
                <numerusform>LATE: no answer for %n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting for %n min</source>
            <translation>
                <numerusform>Waiting for %n min</numerusform>
                <numerusform>Waiting for %n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Answered after %n min (late)</source>
            <translation>
                <numerusform>Answered after %n min (late)</numerusform>
                <numerusform>Answered after %n min (late)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Answered after %n min</source>
            <translation>
                <numerusform>Answered after %n min</numerusform>
                <numerusform>Answered after %n min</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n decisions)</source>
            <translation>
                <numerusform>(%n decision)</numerusform>
                <numerusform>(%n decisions)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>%n missing</numerusform>
                <numerusform>%n missing</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>%n missing</numerusform>
                <numerusform>%n missing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Whole exercise: not complete (%n post(s) still miss scores)</source>
            <translation>
                <numerusform>Whole exercise: not complete (%n post still misses scores)</numerusform>
                <numerusform>Whole exercise: not complete (%n posts still miss scores)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n criterion(s) where the observers disagree</source>
            <translation>
                <numerusform>%n criterion where the observers disagree</numerusform>
                <numerusform>%n criteria where the observers disagree</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Observers' notes (%n)</source>
            <translation>
                <numerusform>Observers' notes (%n)</numerusform>
                <numerusform>Observers' notes (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PaperSheetDialog</name>
        <message numerus="yes">
            <source>This observer's total for the post: not complete (%n criterion(s) missing)</source>
            <translation>
                <numerusform>This observer's total for the post: not complete (%n criterion missing)</numerusform>
                <numerusform>This observer's total for the post: not complete (%n criteria missing)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeKitsDialog</name>
        <message numerus="yes">
            <source>%n kit(s) merged</source>
            <translation>
                <numerusform>%n kit merged</numerusform>
                <numerusform>%n kits merged</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n refused (nothing of a refused kit is written)</source>
            <translation>
                <numerusform>%n refused (nothing of a refused kit is written)</numerusform>
                <numerusform>%n refused (nothing of a refused kit is written)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n disagreement(s) to look at.</source>
            <translation>
                <numerusform>%n disagreement to look at.</numerusform>
                <numerusform>%n disagreements to look at.</numerusform>
            </translation>
        </message>
    </context>
</TS>
