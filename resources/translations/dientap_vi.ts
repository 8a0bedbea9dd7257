<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>App</name>
        <message>
            <source>This is an observer kit, and the observer's window is not part of this version of the program.</source>
            <translation>Đây là bộ phiếu đánh giá, nhưng phiên bản chương trình này chưa có cửa sổ chấm điểm.</translation>
        </message>
        <message>
            <source>Exercise director</source>
            <translation>Điều hành diễn tập</translation>
        </message>
    </context>
    <context>
        <name>ClockBar</name>
        <message>
            <source>Exercise time, paused time excluded</source>
            <translation>Thời gian diễn tập, không tính thời gian tạm dừng</translation>
        </message>
        <message>
            <source>Against the plan</source>
            <translation>So với kế hoạch</translation>
        </message>
        <message>
            <source>Story time</source>
            <translation>Thời gian giả định</translation>
        </message>
        <message>
            <source>Armed forces</source>
            <translation>Lực lượng vũ trang</translation>
        </message>
        <message>
            <source>Locality</source>
            <translation>Địa phương</translation>
        </message>
        <message>
            <source>Injects</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Current inject</source>
            <translation>Tình huống hiện tại</translation>
        </message>
        <message>
            <source>%1 of %2 handed out</source>
            <translation>Đã phát %1/%2</translation>
        </message>
        <message>
            <source>Next step: press F5 to start the exercise clock.</source>
            <translation>Bước tiếp theo: nhấn F5 để bắt đầu tính giờ diễn tập.</translation>
        </message>
        <message>
            <source>The exercise is paused: the clock is stopped. Press F9 to resume.</source>
            <translation>Đang tạm dừng: đồng hồ diễn tập đã dừng. Nhấn F9 để tiếp tục.</translation>
        </message>
        <message>
            <source>The exercise is finished. Decisions can still be corrected; reports are in the Reports menu.</source>
            <translation>Diễn tập đã kết thúc. Vẫn sửa được nội dung xử trí; báo cáo ở trình đơn Báo cáo.</translation>
        </message>
        <message>
            <source>Every inject is handed out. Record the last decisions, then finish the exercise (Ctrl+F9).</source>
            <translation>Đã phát hết các tình huống. Ghi nốt các lượt xử trí, rồi kết thúc diễn tập (Ctrl+F9).</translation>
        </message>
        <message>
            <source>Next: inject %1 «%2», planned at %3. Press F6 to deliver it.</source>
            <translation>Tiếp theo: tình huống %1 «%2», kế hoạch lúc %3. Nhấn F6 để phát.</translation>
        </message>
        <message numerus="yes">
            <source>%n min behind</source>
            <translation>
                <numerusform>Chậm %n phút</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n min ahead</source>
            <translation>
                <numerusform>Sớm %n phút</numerusform>
            </translation>
        </message>
        <message>
            <source>on time</source>
            <translation>Đúng kế hoạch</translation>
        </message>
        <message>
            <source>No. %1: %2 of %3 posts waiting</source>
            <translation>TH %1: %2/%3 chưa xử trí</translation>
        </message>
        <message>
            <source>No. %1: every post answered</source>
            <translation>TH %1: mọi cương vị đã xử trí</translation>
        </message>
        <message>
            <source>no. %1 (%2)</source>
            <translation>TH %1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> và %n tình huống khác</numerusform>
            </translation>
        </message>
        <message>
            <source>Still waiting: %1</source>
            <translation>Còn chờ: %1</translation>
        </message>
        <message>
            <source>%1 h %2 min ahead</source>
            <translation>Sớm %1 giờ %2 phút</translation>
        </message>
        <message>
            <source>%1 h %2 min behind</source>
            <translation>Chậm %1 giờ %2 phút</translation>
        </message>
        <message>
            <source>%1 of %2 delivered, %3 skipped</source>
            <translation>Đã phát %1/%2, bỏ qua %3</translation>
        </message>
    </context>
    <context>
        <name>CsvImportDialog</name>
        <message>
            <source>Import scores from a CSV file</source>
            <translation>Nhập điểm từ tệp CSV</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message numerus="yes">
            <source>%n score(s) read, every row is valid. Nothing is written until you import.</source>
            <translation>
                <numerusform>Đã đọc %n điểm, mọi dòng đều hợp lệ. Chưa ghi gì cho đến khi bấm Nhập.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Import %n score(s)</source>
            <translation>
                <numerusform>&amp;Nhập %n điểm</numerusform>
            </translation>
        </message>
        <message>
            <source>The scores could not be written.</source>
            <translation>Không ghi được điểm.</translation>
        </message>
        <message>
            <source>CSV files</source>
            <translation>Tệp CSV</translation>
        </message>
        <message numerus="yes">
            <source>The file holds no score: the score column of its %n row(s) is empty. Type the scores in, save the file and import it again.</source>
            <translation>
                <numerusform>Tệp không có điểm nào: cột score của cả %n dòng đều để trống. Gõ điểm vào, lưu tệp rồi nhập lại.</numerusform>
            </translation>
        </message>
        <message>
            <source>The file holds no score, only its header line.</source>
            <translation>Tệp không có điểm nào, chỉ có dòng tiêu đề.</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with no score (lines %1) are left out: the scores already given to those criteria stay as they are.</source>
            <translation>
                <numerusform>%n dòng không có điểm (dòng %1) được bỏ qua: điểm đã chấm trước đó cho các tiêu chí này vẫn giữ nguyên.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>«%1»: %n bad row(s), nothing was written. Correct the file and import it again.</source>
            <translation>
                <numerusform>«%1»: %n dòng sai, chưa ghi gì. Hãy sửa tệp rồi nhập lại.</numerusform>
            </translation>
        </message>
        <message>
            <source>«%1» cannot be imported as it is: nothing was written. Correct the file and import it again.</source>
            <translation>Không nhập được tệp «%1» như hiện tại, chưa ghi gì. Hãy sửa tệp rồi nhập lại.</translation>
        </message>
        <message>
            <source>Line %1: %2</source>
            <translation>Dòng %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>New observer(s), added by the import: %1.</source>
            <translation>
                <numerusform>Người đánh giá mới, được thêm khi nhập: %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>«%1» looks like «%2», already in the exercise: check the spelling (a name written otherwise is another observer).</source>
            <translation>«%1» gần giống «%2», đã có trong cuộc diễn tập: hãy kiểm tra chính tả (tên viết khác là một người đánh giá khác).</translation>
        </message>
        <message>
            <source>The file has no comment column: the comments already given stay as they are.</source>
            <translation>Tệp không có cột comment: các ghi chú đã có được giữ nguyên.</translation>
        </message>
    </context>
    <context>
        <name>DecisionDialog</name>
        <message>
            <source>Correct a decision</source>
            <translation>Sửa xử trí</translation>
        </message>
        <message>
            <source>%1 on inject %2 «%3»</source>
            <translation>%1, tình huống %2 «%3»</translation>
        </message>
        <message>
            <source>Version %1, %2 · %3: %4</source>
            <translation>Lần %1, %2 · %3: %4</translation>
        </message>
        <message>
            <source>No earlier version.</source>
            <translation>Chưa có bản trước.</translation>
        </message>
        <message>
            <source>Earlier versions</source>
            <translation>Các bản trước</translation>
        </message>
        <message>
            <source>&amp;Withdraw…</source>
            <translation>&amp;Rút xử trí…</translation>
        </message>
        <message>
            <source>&amp;Save (Ctrl+Enter)</source>
            <translation>&amp;Lưu (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>The correction has not been saved: the decision stays as it was.</source>
            <translation>Phần sửa chưa được lưu: lượt xử trí giữ nguyên như cũ.</translation>
        </message>
    </context>
    <context>
        <name>DecisionEditor</name>
        <message>
            <source>What the post reported, decided or ordered…</source>
            <translation>Cương vị đã báo cáo, hạ quyết tâm hoặc ra mệnh lệnh gì…</translation>
        </message>
        <message>
            <source>Tick the expected actions this decision covers (Space ticks the one selected)</source>
            <translation>Đánh dấu các nội dung đáp án mà lượt xử trí này đáp ứng; nhấn phím cách (Space) để đánh dấu dòng đang chọn</translation>
        </message>
        <message>
            <source>Expected actions it covers:</source>
            <translation>Đáp ứng nội dung đáp án:</translation>
        </message>
        <message>
            <source>When the post gave the decision (Ctrl+T)</source>
            <translation>Thời điểm cương vị xử trí (Ctrl+T)</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Bây giờ</translation>
        </message>
        <message>
            <source>Given at:</source>
            <translation>Thời điểm:</translation>
        </message>
        <message>
            <source>Kind (Ctrl+1…5):</source>
            <translation>Loại (Ctrl+1…5):</translation>
        </message>
        <message>
            <source>The time back to now, following the clock (Ctrl+Shift+T)</source>
            <translation>Đưa thời điểm về bây giờ, chạy theo đồng hồ (Ctrl+Shift+T)</translation>
        </message>
    </context>
    <context>
        <name>DecisionsModel</name>
        <message>
            <source>Given at</source>
            <translation>Lúc</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Nội dung xử trí</translation>
        </message>
        <message>
            <source>Covers</source>
            <translation>Đáp ứng</translation>
        </message>
        <message>
            <source>Edits</source>
            <translation>Sửa</translation>
        </message>
        <message numerus="yes">
            <source>%n edit(s)</source>
            <translation>
                <numerusform>sửa %n lần</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DetailsDialog</name>
        <message>
            <source>Exercise details and roster</source>
            <translation>Thông tin cuộc diễn tập và khung tập</translation>
        </message>
        <message>
            <source>The changes have not been saved: the exercise details and the roster stay as they were.</source>
            <translation>Các thay đổi chưa được lưu: thông tin cuộc diễn tập và danh sách khung tập giữ nguyên như cũ.</translation>
        </message>
    </context>
    <context>
        <name>DetailsForm</name>
        <message>
            <source>e.g. Combat-defence exercise of Hòa Bình ward, 2025</source>
            <translation>VD: Diễn tập chiến đấu phòng thủ phường Hòa Bình năm 2025</translation>
        </message>
        <message>
            <source>e.g. Hòa Bình ward</source>
            <translation>VD: Phường Hòa Bình</translation>
        </message>
        <message>
            <source>printed top left of the documents, e.g. BAN CHỈ ĐẠO DIỄN TẬP</source>
            <translation>in ở góc trên bên trái văn bản, VD: BAN CHỈ ĐẠO DIỄN TẬP</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Tên cuộc diễn tập:</translation>
        </message>
        <message>
            <source>&amp;Place:</source>
            <translation>Địa điể&amp;m:</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Ngày:</translation>
        </message>
        <message>
            <source>&amp;Issuing body:</source>
            <translation>&amp;Cơ quan ban hành:</translation>
        </message>
        <message>
            <source>Roster: who plays each post</source>
            <translation>Khung tập: người đảm nhiệm từng cương vị</translation>
        </message>
        <message>
            <source>Type in the cells; Tab moves to the next one. You can change this later (Exercise ▸ Exercise details and roster).</source>
            <translation>Gõ trực tiếp vào ô; phím Tab sang ô tiếp theo. Có thể sửa sau (Diễn tập ▸ Sửa thông tin cuộc diễn tập và khung tập).</translation>
        </message>
        <message>
            <source>&amp;Signed by:</source>
            <translation>Người &amp;ký:</translation>
        </message>
        <message>
            <source>full name printed under the signature of the issuing body, e.g. Nguyễn Văn A</source>
            <translation>họ tên in dưới chữ ký, VD: Nguyễn Văn A</translation>
        </message>
        <message>
            <source>S&amp;uperior body:</source>
            <translation>Cơ quan chủ &amp;quản:</translation>
        </message>
        <message>
            <source>printed above the issuing body, e.g. Ủy ban nhân dân phường Hòa Bình (empty if none)</source>
            <translation>in phía trên cơ quan ban hành, VD: Ủy ban nhân dân phường Hòa Bình (để trống nếu không có)</translation>
        </message>
        <message>
            <source>Type in the cells; Tab moves to the next one.</source>
            <translation>Gõ trực tiếp vào ô; phím Tab sang ô tiếp theo.</translation>
        </message>
        <message>
            <source>The signer's own title when it is not the head's: a deputy ("Phó ...") signs "KT." for the head, an acting head ("Quyền ...") signs "Q."</source>
            <translation>Chức danh của người ký khi không phải người đứng đầu: cấp phó ("Phó ...") ký "KT." thay người đứng đầu, người được giao quyền ("Quyền ...") ký "Q."</translation>
        </message>
        <message>
            <source>e.g. Phó Chủ tịch (empty: the head signs)</source>
            <translation>VD: Phó Chủ tịch (trống: người đứng đầu ký)</translation>
        </message>
        <message>
            <source>Signer's &amp;title:</source>
            <translation>Chức &amp;danh:</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it?</source>
            <translation>%1 đã tồn tại. Ghi đè?</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Ghi đè</translation>
        </message>
        <message>
            <source>Drop what you typed?</source>
            <translation>Bỏ những gì đã nhập?</translation>
        </message>
        <message>
            <source>Drop it</source>
            <translation>Bỏ đi</translation>
        </message>
        <message>
            <source>Go back to it</source>
            <translation>Quay lại nhập tiếp</translation>
        </message>
        <message>
            <source>Exercise file</source>
            <translation>Tệp diễn tập</translation>
        </message>
        <message>
            <source>Observer kit</source>
            <translation>Bộ phiếu đánh giá</translation>
        </message>
    </context>
    <context>
        <name>Director</name>
        <message>
            <source>The exercise could not be started.</source>
            <translation>Không bắt đầu được cuộc diễn tập.</translation>
        </message>
        <message>
            <source>The exercise could not be paused.</source>
            <translation>Không tạm dừng được cuộc diễn tập.</translation>
        </message>
        <message>
            <source>The exercise could not be resumed.</source>
            <translation>Không tiếp tục được cuộc diễn tập.</translation>
        </message>
        <message>
            <source>The clock stops for good and no more injects can be delivered. Decisions can still be recorded and corrected afterwards.</source>
            <translation>Đồng hồ diễn tập dừng hẳn và không phát thêm được tình huống nào. Sau đó vẫn ghi và sửa được nội dung xử trí.</translation>
        </message>
        <message numerus="yes">
            <source>%n inject(s) have not been delivered yet.</source>
            <translation>
                <numerusform>Còn %n tình huống chưa phát.</numerusform>
            </translation>
        </message>
        <message>
            <source>Finish the exercise?</source>
            <translation>Kết thúc cuộc diễn tập?</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>The exercise could not be finished.</source>
            <translation>Không kết thúc được cuộc diễn tập.</translation>
        </message>
        <message>
            <source>The inject could not be delivered.</source>
            <translation>Không phát được tình huống.</translation>
        </message>
        <message>
            <source>Inject %1 «%2» will be delivered now, before inject %3 «%4», which stays pending.</source>
            <translation>Tình huống %1 «%2» sẽ được phát ngay, trước tình huống %3 «%4» (tình huống này vẫn chờ phát).</translation>
        </message>
        <message>
            <source>It was skipped before.</source>
            <translation>Tình huống này đã bị bỏ qua trước đó.</translation>
        </message>
        <message>
            <source>Deliver out of order?</source>
            <translation>Phát không theo thứ tự?</translation>
        </message>
        <message>
            <source>Deliver now</source>
            <translation>Phát ngay</translation>
        </message>
        <message>
            <source>Inject %1 «%2» will be marked skipped and will not be delivered. You can undo this with “Undo” (F8).</source>
            <translation>Tình huống %1 «%2» sẽ được đánh dấu bỏ qua và không phát. Có thể khôi phục bằng “Hoàn tác” (F8).</translation>
        </message>
        <message>
            <source>Skip this inject?</source>
            <translation>Bỏ qua tình huống này?</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>The inject could not be skipped.</source>
            <translation>Không bỏ qua được tình huống.</translation>
        </message>
        <message>
            <source>The delivery of inject %1 «%2» will be taken back: it becomes pending again and the projector goes back to the inject before. Decisions already recorded on it are kept.</source>
            <translation>Lần phát tình huống %1 «%2» sẽ được hoàn tác: tình huống trở lại chưa phát, máy chiếu quay về tình huống trước. Các lượt xử trí đã ghi cho tình huống này vẫn được giữ.</translation>
        </message>
        <message>
            <source>The skip of inject %1 «%2» will be taken back: it becomes pending again.</source>
            <translation>Việc bỏ qua tình huống %1 «%2» sẽ được hoàn tác: tình huống trở lại chưa phát.</translation>
        </message>
        <message>
            <source>Undo the last delivery?</source>
            <translation>Hoàn tác lần phát cuối?</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <source>The last delivery could not be undone.</source>
            <translation>Không hoàn tác được lần phát cuối.</translation>
        </message>
        <message>
            <source>The decision could not be recorded.</source>
            <translation>Không ghi được xử trí.</translation>
        </message>
        <message>
            <source>The decision could not be changed.</source>
            <translation>Không sửa được xử trí.</translation>
        </message>
        <message>
            <source>The decision of %1 «%2» will be withdrawn. It stays in the file and in the log, marked withdrawn.</source>
            <translation>Lượt xử trí của %1 «%2» sẽ bị rút. Nội dung vẫn được lưu trong tệp và nhật ký, có ghi là đã rút.</translation>
        </message>
        <message>
            <source>Withdraw this decision?</source>
            <translation>Rút lượt xử trí này?</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>Rút</translation>
        </message>
        <message>
            <source>The decision could not be withdrawn.</source>
            <translation>Không rút được xử trí.</translation>
        </message>
        <message>
            <source>The exercise details could not be saved.</source>
            <translation>Không lưu được thông tin cuộc diễn tập.</translation>
        </message>
        <message>
            <source>The exercise clock starts now: the time against the plan is counted from this moment. An exercise once started cannot be set back to not started.</source>
            <translation>Đồng hồ diễn tập bắt đầu chạy từ lúc này: thời gian nhanh, chậm so với kế hoạch được tính từ đây. Cuộc diễn tập đã bắt đầu thì không thể đưa về trạng thái chưa bắt đầu.</translation>
        </message>
        <message>
            <source>Start the exercise?</source>
            <translation>Bắt đầu cuộc diễn tập?</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>&amp;Bắt đầu</translation>
        </message>
        <message>
            <source>Undo the last skip?</source>
            <translation>Hoàn tác lần bỏ qua cuối?</translation>
        </message>
        <message>
            <source>Deliver a skipped inject?</source>
            <translation>Phát tình huống đã bỏ qua?</translation>
        </message>
        <message>
            <source>Inject %1 «%2» was skipped. It will be delivered now and shown on the projector.</source>
            <translation>Tình huống %1 «%2» đã bị bỏ qua. Tình huống này sẽ được phát ngay và chiếu lên màn hình.</translation>
        </message>
        <message numerus="yes">
            <source>On %n inject(s) delivered, some posts have not answered yet.</source>
            <translation>
                <numerusform>Có %n tình huống đã phát mà còn cương vị chưa xử trí.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not yet</source>
            <translation>Chưa kết thúc</translation>
        </message>
        <message>
            <source>What is typed in the form is kept in this window only: record it (Ctrl+Enter) or note it elsewhere.</source>
            <translation>Nội dung đang gõ chỉ còn giữ trong cửa sổ này: hãy ghi xử trí (Ctrl+Enter) hoặc chép lại ra chỗ khác.</translation>
        </message>
    </context>
    <context>
        <name>DisagreementsModel</name>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Tiêu chí</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Điểm tối đa</translation>
        </message>
        <message>
            <source>Scores by observer</source>
            <translation>Điểm của từng người đánh giá</translation>
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Error</source>
            <translation>Lỗi</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>Sao chép chi tiết</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>Xem chi tiết</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Đã sao chép</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Something went wrong in the program. Everything done so far is saved in the exercise file; you can go on working. Copy the details to report the problem.</source>
            <translation>Chương trình gặp lỗi. Mọi thao tác đã làm đều đã được lưu trong tệp diễn tập; có thể tiếp tục làm việc. Hãy sao chép chi tiết để báo lỗi.</translation>
        </message>
        <message>
            <source>This change is NOT saved: %1</source>
            <translation>Thao tác này CHƯA được lưu: %1</translation>
        </message>
        <message>
            <source>This part of the file cannot be read. Nothing was changed.</source>
            <translation>Không đọc được phần này của tệp. Không có gì bị thay đổi.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export reports</source>
            <translation>Xuất báo cáo</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Văn bản</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Folder for the reports</source>
            <translation>Thư mục lưu báo cáo</translation>
        </message>
        <message>
            <source>The exercise could not be read.</source>
            <translation>Không đọc được cuộc diễn tập.</translation>
        </message>
        <message>
            <source>Writing…</source>
            <translation>Đang ghi…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Đang hủy…</translation>
        </message>
        <message>
            <source>Writing: %1</source>
            <translation>Đang ghi: %1</translation>
        </message>
        <message>
            <source>Documents written: %1, in %2.</source>
            <translation>Đã ghi %1 văn bản vào %2.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Cancelled. The documents already written are complete; the one being written was removed.</source>
            <translation>Đã hủy. Các văn bản đã ghi xong vẫn đầy đủ; văn bản đang ghi dở đã được xóa.</translation>
        </message>
        <message>
            <source>The reports could not be written.</source>
            <translation>Không ghi được báo cáo.</translation>
        </message>
        <message>
            <source>The reports could not be written. Check that the folder exists and that you may write in it.</source>
            <translation>Không ghi được báo cáo. Hãy kiểm tra thư mục có tồn tại và được phép ghi vào.</translation>
        </message>
        <message>
            <source>&amp;Export reports…</source>
            <translation>&amp;Xuất báo cáo…</translation>
        </message>
        <message>
            <source>Write the scoring sheets, summary, log and after-action report as PDF files</source>
            <translation>Ghi phiếu chấm điểm, bảng tổng hợp, nhật ký và báo cáo rút kinh nghiệm ra tệp PDF</translation>
        </message>
        <message>
            <source>&amp;Scoring sheets, filled in</source>
            <translation>&amp;Phiếu chấm điểm (đã có điểm)</translation>
        </message>
        <message>
            <source>&amp;Blank scoring sheets, for scoring on paper</source>
            <translation>Phiếu chấm điểm &amp;trắng (để chấm trên giấy)</translation>
        </message>
        <message>
            <source>S&amp;ummary of results, with the chart</source>
            <translation>&amp;Bảng tổng hợp kết quả, kèm biểu đồ</translation>
        </message>
        <message>
            <source>Exercise &amp;log</source>
            <translation>&amp;Nhật ký diễn tập</translation>
        </message>
        <message>
            <source>&amp;After-action report</source>
            <translation>Báo cáo &amp;rút kinh nghiệm</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>&amp;Chọn…</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>Thư &amp;mục:</translation>
        </message>
        <message>
            <source>&amp;Open the folder when done</source>
            <translation>Mở thư mục &amp;khi xuất xong</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Xuất</translation>
        </message>
        <message>
            <source>Documents written: %1. The folder could not be opened: no program on this computer opens folders. The documents are in: %2</source>
            <translation>Đã ghi %1 văn bản. Không mở được thư mục: máy này không có chương trình nào mở được thư mục. Các văn bản nằm ở: %2</translation>
        </message>
        <message>
            <source>Not made: %1.</source>
            <translation>Không tạo được: %1.</translation>
        </message>
        <message>
            <source>a part of its content could not be laid out on the pages</source>
            <translation>có phần nội dung không dàn được vào trang</translation>
        </message>
        <message>
            <source>the program failed while making it</source>
            <translation>chương trình gặp lỗi khi tạo văn bản này</translation>
        </message>
        <message>
            <source>%1 (%2): %3.</source>
            <translation>%1 (%2): %3.</translation>
        </message>
        <message>
            <source>These documents could not be made; the others were written:</source>
            <translation>Không tạo được các văn bản sau; các văn bản khác đã được ghi:</translation>
        </message>
        <message>
            <source>The reports could not be written: the program failed while making them. Copy the details for whoever looks after it.</source>
            <translation>Không ghi được báo cáo: chương trình gặp lỗi khi tạo báo cáo. Hãy sao chép chi tiết gửi người phụ trách chương trình.</translation>
        </message>
        <message>
            <source>reports</source>
            <translation>báo cáo</translation>
        </message>
    </context>
    <context>
        <name>FileLock</name>
        <message>
            <source>The file is open in another window</source>
            <translation>Tệp đang mở ở cửa sổ khác</translation>
        </message>
        <message>
            <source>«%1» is open in the program on another computer (%2). Two windows on one file do not see each other's changes: carry on there.

Open it here only if that computer is switched off or no longer uses the file.</source>
            <translation>«%1» đang mở trong chương trình trên một máy khác (%2). Hai cửa sổ trên cùng một tệp không thấy thay đổi của nhau: hãy tiếp tục ở máy đó.

Chỉ mở ở đây nếu máy kia đã tắt hoặc không còn dùng tệp này.</translation>
        </message>
        <message>
            <source>The file is open elsewhere</source>
            <translation>Tệp đang mở ở nơi khác</translation>
        </message>
        <message>
            <source>Open here anyway</source>
            <translation>Vẫn mở ở đây</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>The lock of «%1» cannot be removed: the other computer still has the file open. Close it there, then open it here.</source>
            <translation>Không gỡ được khóa của «%1»: máy kia vẫn đang mở tệp. Hãy đóng tệp ở máy đó rồi mở ở đây.</translation>
        </message>
        <message>
            <source>«%1» is already open in another window of the program on this computer (see the taskbar). Carry on in that window: two windows on one file do not see each other's changes.

If there is no such window, a dientap command (merge, import-scores) is writing into the file: open it again in a moment.</source>
            <translation>«%1» đang mở ở một cửa sổ khác của chương trình trên máy này (xem trên thanh tác vụ). Hãy làm tiếp ở cửa sổ đó: hai cửa sổ cùng mở một tệp không thấy thay đổi của nhau.

Nếu không có cửa sổ nào như vậy, một lệnh dientap (gộp bộ phiếu, nhập điểm) đang ghi vào tệp: hãy mở lại sau giây lát.</translation>
        </message>
    </context>
    <context>
        <name>InjectPane</name>
        <message>
            <source>Back to the current inject (Ctrl+Home)</source>
            <translation>Về tình huống hiện tại (Ctrl+Home)</translation>
        </message>
        <message>
            <source>This scenario has no injects.</source>
            <translation>Kịch bản này không có tình huống nào.</translation>
        </message>
        <message>
            <source>NOW RUNNING · delivered at %1</source>
            <translation>ĐANG DIỄN RA · phát lúc %1</translation>
        </message>
        <message>
            <source>NEXT · not delivered yet · F6 delivers it</source>
            <translation>TIẾP THEO · chưa phát · F6 để phát</translation>
        </message>
        <message>
            <source>SKIPPED · Shift+F6 delivers it now</source>
            <translation>ĐÃ BỎ QUA · Shift+F6 để phát ngay</translation>
        </message>
        <message>
            <source>DELIVERED EARLIER, at %1</source>
            <translation>ĐÃ PHÁT TRƯỚC ĐÓ, lúc %1</translation>
        </message>
        <message>
            <source>LAST INJECT · delivered at %1 · the exercise is finished</source>
            <translation>TH PHÁT SAU CÙNG · lúc %1 · đã kết thúc diễn tập</translation>
        </message>
        <message>
            <source>NOT DELIVERED · Shift+F6 delivers it now</source>
            <translation>CHƯA PHÁT · Shift+F6 để phát ngay</translation>
        </message>
        <message>
            <source>To the current one</source>
            <translation>Về TH hiện tại</translation>
        </message>
        <message>
            <source>Projector: to the top ▲</source>
            <translation>Máy chiếu: lên đầu ▲</translation>
        </message>
        <message>
            <source>Projector: more ▼</source>
            <translation>Máy chiếu: xem tiếp ▼</translation>
        </message>
        <message>
            <source>The room sees the end of the text: this takes the projector back to its top (Alt+Page Up scrolls back a page)</source>
            <translation>Phòng họp đã thấy hết nội dung: nút này đưa chữ trên máy chiếu về đầu (Alt+Page Up lùi lại một trang)</translation>
        </message>
        <message>
            <source>The text is longer than the projector's screen: this scrolls it on for the room (Alt+Page Down; Alt+Page Up scrolls back)</source>
            <translation>Nội dung dài hơn màn hình máy chiếu: nút này cuộn tiếp cho cả phòng xem (Alt+Page Down; Alt+Page Up để cuộn lại)</translation>
        </message>
    </context>
    <context>
        <name>InjectTableModel</name>
        <message>
            <source>No.</source>
            <translation>TT</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Kế hoạch</translation>
        </message>
        <message>
            <source>Actual</source>
            <translation>Thực tế</translation>
        </message>
        <message>
            <source>Story time</source>
            <translation>Thời gian giả định</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Answers</source>
            <translation>Xử trí</translation>
        </message>
    </context>
    <context>
        <name>InjectText</name>
        <message>
            <source>Inject</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Attached file:</source>
            <translation>Tệp kèm theo:</translation>
        </message>
        <message>
            <source>Posts that must respond:</source>
            <translation>Cương vị phải xử trí:</translation>
        </message>
        <message>
            <source>Expected actions (answer key)</source>
            <translation>Đáp án</translation>
        </message>
        <message>
            <source>Director’s notes (not projected):</source>
            <translation>Ghi chú của đạo diễn (không chiếu):</translation>
        </message>
        <message>
            <source>The answer key and the notes are hidden on this screen (Ctrl+H).</source>
            <translation>Đáp án và ghi chú đang được ẩn trên màn hình này (Ctrl+H).</translation>
        </message>
    </context>
    <context>
        <name>InjectsModel</name>
        <message>
            <source>No.</source>
            <translation>TT</translation>
        </message>
        <message>
            <source>Story time</source>
            <translation>Thời gian giả định</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>Cương vị</translation>
        </message>
    </context>
    <context>
        <name>KitActions</name>
        <message>
            <source>&amp;Make observer kits…</source>
            <translation>&amp;Tạo bộ phiếu đánh giá…</translation>
        </message>
        <message>
            <source>One kit per observer, to score offline</source>
            <translation>Mỗi người đánh giá một bộ phiếu, chấm trên máy riêng không cần mạng</translation>
        </message>
        <message>
            <source>Me&amp;rge observer kits…</source>
            <translation>&amp;Gộp bộ phiếu đánh giá…</translation>
        </message>
        <message>
            <source>Bring the observers' scores and notes in</source>
            <translation>Đưa điểm và nhận xét của người đánh giá vào cuộc diễn tập</translation>
        </message>
        <message>
            <source>&amp;Import scores from a CSV file…</source>
            <translation>&amp;Nhập điểm từ tệp CSV…</translation>
        </message>
        <message>
            <source>Scores typed from paper, checked before writing</source>
            <translation>Điểm nhập từ phiếu giấy, được kiểm tra trước khi ghi</translation>
        </message>
        <message>
            <source>Type in or correct an observer's &amp;sheet…</source>
            <translation>Nhập hoặc sửa &amp;phiếu chấm của người đánh giá…</translation>
        </message>
        <message>
            <source>Scores from a paper sheet, typed in one by one; a score corrected or taken back</source>
            <translation>Nhập điểm từ phiếu chấm giấy; sửa hoặc bỏ một điểm đã chấm</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Report</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>State the decision</source>
            <translation>Hạ quyết tâm</translation>
        </message>
        <message>
            <source>Issue orders</source>
            <translation>Ra mệnh lệnh</translation>
        </message>
        <message>
            <source>Coordinate</source>
            <translation>Hiệp đồng</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Khác</translation>
        </message>
        <message>
            <source>Regular combat readiness</source>
            <translation>SSCĐ thường xuyên</translation>
        </message>
        <message>
            <source>Enhanced combat readiness</source>
            <translation>SSCĐ tăng cường</translation>
        </message>
        <message>
            <source>High combat readiness</source>
            <translation>SSCĐ cao</translation>
        </message>
        <message>
            <source>Full combat readiness</source>
            <translation>SSCĐ toàn bộ</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Bình thường</translation>
        </message>
        <message>
            <source>Situation declared</source>
            <translation>Có tình huống</translation>
        </message>
        <message>
            <source>Defence emergency</source>
            <translation>Khẩn cấp về quốc phòng</translation>
        </message>
        <message>
            <source>State of war</source>
            <translation>Tình trạng chiến tranh</translation>
        </message>
        <message>
            <source>Martial law</source>
            <translation>Thiết quân luật</translation>
        </message>
        <message>
            <source>Curfew</source>
            <translation>Giới nghiêm</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Chưa phát</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Đã phát</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Đã bỏ qua</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>Chưa bắt đầu</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Đang diễn tập</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Đã tạm dừng</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Đã kết thúc</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Lập cuộc diễn tập</translation>
        </message>
        <message>
            <source>Exercise details</source>
            <translation>Thông tin diễn tập</translation>
        </message>
        <message>
            <source>Roster</source>
            <translation>Khung tập</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Tạm dừng</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Phát tình huống</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Xử trí</translation>
        </message>
        <message>
            <source>Decision edited</source>
            <translation>Sửa xử trí</translation>
        </message>
        <message>
            <source>Decision withdrawn</source>
            <translation>Rút xử trí</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>Người đánh giá</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Chấm điểm</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nhận xét</translation>
        </message>
        <message>
            <source>Kit merged</source>
            <translation>Gộp bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>Hostage rescue</source>
            <translation>Tiêu diệt, đánh bắt khủng bố, giải thoát con tin</translation>
        </message>
        <message>
            <source>Fire attack and airborne landing</source>
            <translation>Đánh địch tiến công hỏa lực và đổ bộ đường không</translation>
        </message>
        <message>
            <source>Riot dispersal</source>
            <translation>Giải tán đám đông gây rối an ninh, bạo loạn</translation>
        </message>
        <message>
            <source>Readiness transition</source>
            <translation>Chuyển trạng thái sẵn sàng chiến đấu</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Ưu điểm</translation>
        </message>
        <message>
            <source>Weakness</source>
            <translation>Hạn chế, khuyết điểm</translation>
        </message>
        <message>
            <source>Proposal</source>
            <translation>Đề xuất, kiến nghị</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Tỉnh</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Huyện</translation>
        </message>
        <message>
            <source>Commune, ward</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Note withdrawn</source>
            <translation>Rút nhận xét</translation>
        </message>
        <message>
            <source>Score withdrawn</source>
            <translation>Rút điểm</translation>
        </message>
    </context>
    <context>
        <name>LogModel</name>
        <message>
            <source>Time</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <source>Exercise time</source>
            <translation>Giờ diễn tập</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Sự việc</translation>
        </message>
        <message>
            <source>Inject</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>(corrected at %1)</source>
            <translation>(đã sửa lúc %1)</translation>
        </message>
        <message>
            <source>(withdrawn at %1)</source>
            <translation>(đã rút lúc %1)</translation>
        </message>
    </context>
    <context>
        <name>LogView</name>
        <message>
            <source>All posts</source>
            <translation>Tất cả cương vị</translation>
        </message>
        <message>
            <source>All injects</source>
            <translation>Tất cả tình huống</translation>
        </message>
        <message>
            <source>Show everything</source>
            <translation>Bỏ lọc</translation>
        </message>
        <message>
            <source>&amp;Post:</source>
            <translation>&amp;Cương vị:</translation>
        </message>
        <message>
            <source>&amp;Inject:</source>
            <translation>Tình &amp;huống:</translation>
        </message>
        <message>
            <source>Exercise log</source>
            <translation>Nhật ký diễn tập</translation>
        </message>
        <message>
            <source>%1 of %2 lines shown</source>
            <translation>Đang hiện %1/%2 dòng</translation>
        </message>
        <message>
            <source>Every action in time order. The line chosen reads whole below; the arrow keys go from line to line, Enter goes into the text below.</source>
            <translation>Mọi việc theo thứ tự thời gian. Dòng đang chọn hiện đầy đủ ở khung bên dưới; phím mũi tên chuyển giữa các dòng, Enter chuyển vào khung nội dung bên dưới.</translation>
        </message>
        <message>
            <source>Choose a line of the log (arrow keys, Home, End): it reads here whole.</source>
            <translation>Chọn một dòng nhật ký (phím mũi tên, Home, End): nội dung đầy đủ hiện ở đây.</translation>
        </message>
        <message>
            <source>The line chosen in the log, whole (Shift+Tab goes back to the list)</source>
            <translation>Dòng đang chọn trong nhật ký, đầy đủ (Shift+Tab để quay lại danh sách)</translation>
        </message>
        <message>
            <source>Chosen line of the log</source>
            <translation>Dòng nhật ký đang chọn</translation>
        </message>
        <message>
            <source>Inject %1</source>
            <translation>Tình huống %1</translation>
        </message>
        <message>
            <source>No line of the log for this choice of post and inject: nothing was done for them yet. “Show everything” shows every line.</source>
            <translation>Không có dòng nhật ký nào của cương vị và tình huống đã chọn: chưa có việc gì được ghi cho chúng. Bấm “Bỏ lọc” để xem mọi dòng.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Exercise director</source>
            <translation>Điều hành diễn tập</translation>
        </message>
        <message>
            <source>&amp;New exercise…</source>
            <translation>&amp;Tạo cuộc diễn tập mới…</translation>
        </message>
        <message>
            <source>&amp;Open exercise file…</source>
            <translation>&amp;Mở tệp diễn tập…</translation>
        </message>
        <message>
            <source>&amp;Practice with the demo exercise</source>
            <translation>Diễn tập thử &amp;với bài mẫu</translation>
        </message>
        <message>
            <source>See the &amp;finished demo exercise</source>
            <translation>&amp;Xem bài mẫu đã diễn tập xong</translation>
        </message>
        <message>
            <source>&amp;Close exercise</source>
            <translation>Đóng &amp;cuộc diễn tập</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>T&amp;hoát</translation>
        </message>
        <message>
            <source>Exercise de&amp;tails and roster…</source>
            <translation>&amp;Sửa thông tin cuộc diễn tập và khung tập…</translation>
        </message>
        <message>
            <source>Minutes after which a post that has not answered is shown late</source>
            <translation>Quá số phút này mà cương vị chưa xử trí thì báo chậm</translation>
        </message>
        <message>
            <source>&amp;Start the exercise</source>
            <translation>&amp;Bắt đầu diễn tập</translation>
        </message>
        <message>
            <source>&amp;Deliver next inject</source>
            <translation>&amp;Phát tình huống tiếp theo</translation>
        </message>
        <message>
            <source>Deliver the &amp;chosen inject now</source>
            <translation>Phát ngay tình huống đang &amp;chọn</translation>
        </message>
        <message>
            <source>S&amp;kip inject…</source>
            <translation>Bỏ &amp;qua tình huống…</translation>
        </message>
        <message>
            <source>&amp;Undo last delivery…</source>
            <translation>&amp;Hoàn tác lần phát cuối…</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Tạm dừng</translation>
        </message>
        <message>
            <source>&amp;Finish the exercise…</source>
            <translation>&amp;Kết thúc diễn tập…</translation>
        </message>
        <message>
            <source>&amp;Back to the current inject</source>
            <translation>&amp;Về tình huống hiện tại</translation>
        </message>
        <message>
            <source>C&amp;hoose an inject in the list</source>
            <translation>Chọn tình huống trong &amp;danh sách</translation>
        </message>
        <message>
            <source>&amp;Run view</source>
            <translation>Màn hình điều &amp;hành</translation>
        </message>
        <message>
            <source>&amp;Log</source>
            <translation>&amp;Nhật ký</translation>
        </message>
        <message>
            <source>&amp;Projector window</source>
            <translation>&amp;Cửa sổ máy chiếu</translation>
        </message>
        <message>
            <source>Projector &amp;full screen</source>
            <translation>Máy chiếu &amp;toàn màn hình</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Phím tắt</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>&amp;Giới thiệu</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>Deliver next</source>
            <translation>Phát tiếp</translation>
        </message>
        <message>
            <source>Deliver chosen</source>
            <translation>Phát TH đang chọn</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Kết thúc</translation>
        </message>
        <message>
            <source>Projector</source>
            <translation>Máy chiếu</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Mở &amp;gần đây</translation>
        </message>
        <message>
            <source>&amp;Exercise</source>
            <translation>&amp;Diễn tập</translation>
        </message>
        <message>
            <source>Ev&amp;aluation</source>
            <translation>Đá&amp;nh giá</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Báo cáo</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <source>Projector &amp;screen</source>
            <translation>&amp;Màn hình máy chiếu</translation>
        </message>
        <message>
            <source>Lan&amp;guage</source>
            <translation>N&amp;gôn ngữ</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Trợ &amp;giúp</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Tiếp tục</translation>
        </message>
        <message>
            <source>Open an exercise file</source>
            <translation>Mở tệp diễn tập</translation>
        </message>
        <message>
            <source>Exercise files</source>
            <translation>Tệp diễn tập</translation>
        </message>
        <message>
            <source>This exercise file cannot be opened.</source>
            <translation>Không mở được tệp diễn tập này.</translation>
        </message>
        <message>
            <source>Run (F2)</source>
            <translation>Điều hành (F2)</translation>
        </message>
        <message>
            <source>Log (F3)</source>
            <translation>Nhật ký (F3)</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>(chưa có)</translation>
        </message>
        <message>
            <source>The demo exercise could not be made.</source>
            <translation>Không tạo được bài diễn tập mẫu.</translation>
        </message>
        <message>
            <source>A post that has not answered after this many minutes of exercise time is shown late:</source>
            <translation>Cương vị chưa xử trí sau số phút diễn tập này sẽ bị báo chậm:</translation>
        </message>
        <message>
            <source>About</source>
            <translation>Giới thiệu</translation>
        </message>
        <message>
            <source>public domain</source>
            <translation>phạm vi công cộng</translation>
        </message>
        <message>
            <source>Exercise director %1</source>
            <translation>Điều hành diễn tập %1</translation>
        </message>
        <message>
            <source>Runs defence-zone and combat-defence exercises from the command post, offline.</source>
            <translation>Điều hành diễn tập khu vực phòng thủ, diễn tập chiến đấu phòng thủ tại sở chỉ huy, không cần mạng.</translation>
        </message>
        <message>
            <source>Licences:</source>
            <translation>Giấy phép:</translation>
        </message>
        <message>
            <source>The licence texts are in %1 and %2.</source>
            <translation>Toàn văn các giấy phép nằm trong %1 và %2.</translation>
        </message>
        <message>
            <source>Decisions not recorded</source>
            <translation>Xử trí chưa ghi</translation>
        </message>
        <message numerus="yes">
            <source>%n decision(s) typed in the form have not been recorded (Ctrl+Enter) and will be lost.</source>
            <translation>
                <numerusform>%n nội dung xử trí đã gõ trong ô nhập chưa được ghi (Ctrl+Enter) và sẽ bị mất.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Close without them</source>
            <translation>&amp;Vẫn đóng, bỏ các nội dung đó</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Quay lại</translation>
        </message>
        <message>
            <source>&amp;Save a copy…</source>
            <translation>Lưu &amp;bản sao…</translation>
        </message>
        <message>
            <source>Save a whole copy of the exercise as it is now (on a USB stick, for instance); work goes on in this file</source>
            <translation>Lưu một bản sao đầy đủ của cuộc diễn tập như hiện tại (ví dụ vào USB); công việc vẫn tiếp tục trên tệp này</translation>
        </message>
        <message>
            <source>%1 (copy %2)</source>
            <translation>%1 (bản sao %2)</translation>
        </message>
        <message>
            <source>Save a copy of the exercise</source>
            <translation>Lưu bản sao cuộc diễn tập</translation>
        </message>
        <message>
            <source>Copy saved</source>
            <translation>Đã lưu bản sao</translation>
        </message>
        <message>
            <source>A copy of the exercise as it is now is in
%1

Work goes on in %2.</source>
            <translation>Bản sao cuộc diễn tập như hiện tại đã được lưu tại
%1

Công việc vẫn tiếp tục trên tệp %2.</translation>
        </message>
        <message>
            <source>&amp;Hide the answer key on this screen</source>
            <translation>Ẩn đá&amp;p án trên màn hình này</translation>
        </message>
        <message>
            <source>For a projector that shows this same screen: the room would read the answer key and your notes</source>
            <translation>Dùng khi máy chiếu chiếu lại chính màn hình này: cả phòng sẽ đọc được đáp án và ghi chú của đạo diễn</translation>
        </message>
        <message>
            <source>One screen</source>
            <translation>Chỉ có một màn hình</translation>
        </message>
        <message>
            <source>A&amp;utomatic copies…</source>
            <translation>Bản sao tự độ&amp;ng…</translation>
        </message>
        <message>
            <source>The folder where a copy of the open exercise is kept every ten minutes and when it is closed (the newest twelve)</source>
            <translation>Thư mục lưu bản sao của cuộc diễn tập đang mở, cứ mười phút một bản và khi đóng (giữ mười hai bản mới nhất)</translation>
        </message>
        <message>
            <source>An automatic copy of the exercise could not be made. Your work is saved in the exercise file as always; to keep a copy elsewhere, use File → Save a copy (Ctrl+Shift+S).</source>
            <translation>Không tạo được bản sao tự động của cuộc diễn tập. Công việc vẫn được lưu vào tệp diễn tập như thường; để giữ một bản ở nơi khác, dùng Tệp → Lưu bản sao (Ctrl+Shift+S).</translation>
        </message>
        <message numerus="yes">
            <source>This laptop's clock is %n minute(s) behind the last moment recorded in the exercise file (another laptop's clock, or this one's, is wrong). The program goes on from that moment, so that nothing new comes before what was recorded. Set this laptop's date and time right, then close and open the file again.</source>
            <translation>
                <numerusform>Đồng hồ của máy này chậm hơn %n phút so với thời điểm ghi cuối cùng trong tệp diễn tập (đồng hồ của máy khác hoặc của máy này bị sai). Chương trình tính tiếp từ thời điểm đó để không có gì mới bị ghi trước những gì đã ghi. Hãy chỉnh lại ngày giờ của máy này, rồi đóng và mở lại tệp.</numerusform>
            </translation>
        </message>
        <message>
            <source>Check the laptop's clock</source>
            <translation>Kiểm tra đồng hồ của máy</translation>
        </message>
        <message>
            <source>The exercise file is gone</source>
            <translation>Không tìm thấy tệp diễn tập</translation>
        </message>
        <message>
            <source>Save a copy now</source>
            <translation>Lưu bản sao ngay</translation>
        </message>
        <message>
            <source>The exercise file «%1» is no longer where it was opened (deleted, renamed, or its USB stick pulled out). What you do is still written to the file that is open, but it will be lost when the program closes. Save a copy now? Work then goes on in the copy.</source>
            <translation>Tệp diễn tập «%1» không còn ở chỗ đã mở (bị xóa, đổi tên, hoặc ổ USB bị rút ra). Những gì đang làm vẫn được ghi vào tệp đang mở, nhưng sẽ mất khi đóng chương trình. Lưu bản sao ngay bây giờ? Sau đó sẽ làm việc tiếp trên bản sao.</translation>
        </message>
        <message>
            <source>&amp;Change the language without them</source>
            <translation>&amp;Vẫn đổi ngôn ngữ, bỏ các nội dung đó</translation>
        </message>
        <message>
            <source>The exercise goes on</source>
            <translation>Cuộc diễn tập tiếp tục</translation>
        </message>
        <message>
            <source>This computer sees one screen only, so the projector window is open behind this one, which keeps the keyboard (Alt+Tab shows it).

To project it, set the display to extend to the projector (on Windows: Windows key + P, "Extend"), then choose its screen in View → Projector screen.

If the projector shows a copy of this screen, the room sees your answer key and notes: hide them with Ctrl+H.</source>
            <translation>Máy tính này chỉ nhận một màn hình, nên cửa sổ máy chiếu mở phía sau cửa sổ này; bàn phím vẫn ở cửa sổ điều hành (Alt+Tab để xem cửa sổ máy chiếu).

Để chiếu, hãy đặt chế độ hiển thị mở rộng sang máy chiếu (trên Windows: phím Windows + P, chọn "Extend" / "Mở rộng"), rồi chọn màn hình của máy chiếu trong Xem → Màn hình máy chiếu.

Nếu máy chiếu đang chiếu lại đúng màn hình này, cả phòng sẽ thấy đáp án và ghi chú của đạo diễn: hãy ẩn chúng bằng Ctrl+H.</translation>
        </message>
        <message>
            <source>The program keeps automatic copies of the exercises it runs: File ▸ Automatic copies…</source>
            <translation>Chương trình có giữ bản sao tự động của các cuộc diễn tập đã điều hành: Tệp ▸ Bản sao tự động…</translation>
        </message>
        <message>
            <source>Go to the d&amp;ecision form</source>
            <translation>Đến ô &amp;ghi xử trí</translation>
        </message>
        <message>
            <source>inject %1, %2</source>
            <translation>tình huống %1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%n decision(s) typed before the file was last closed were not recorded. They were kept and are in the form again when their post is chosen on their inject (Alt+1…9): %1. Record them with Ctrl+Enter, or clear the text.</source>
            <translation>
                <numerusform>Có %n xử trí đã gõ nhưng chưa ghi trước lần đóng tệp vừa rồi, nay vẫn được giữ: nội dung hiện lại trong ô ghi xử trí khi chọn cương vị đó ở tình huống đó (Alt+1…9): %1. Hãy ghi (Ctrl+Enter) hoặc xóa nội dung đi.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The exercise was left running: its clock has gone on since the last action recorded, at %1 (%n minute(s) ago). If the exercise stopped meanwhile, pause it (F9) and resume when it goes on.</source>
            <translation>
                <numerusform>Cuộc diễn tập vẫn đang ở trạng thái chạy: đồng hồ diễn tập đã chạy tiếp từ thao tác ghi cuối cùng lúc %1 (cách đây %n phút). Nếu trong thời gian đó cuộc diễn tập đã ngừng, hãy nhấn F9 để tạm dừng và nhấn F9 lần nữa khi diễn tập tiếp tục.</numerusform>
            </translation>
        </message>
        <message>
            <source>The projector window opens with Ctrl+P.</source>
            <translation>Mở cửa sổ máy chiếu bằng Ctrl+P.</translation>
        </message>
        <message>
            <source>Exercise files and observer kits</source>
            <translation>Tệp diễn tập và bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>Observer kits</source>
            <translation>Bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>R&amp;esults of the evaluation</source>
            <translation>&amp;Kết quả đánh giá</translation>
        </message>
        <message>
            <source>Results (F12)</source>
            <translation>Kết quả đánh giá (F12)</translation>
        </message>
        <message>
            <source>Scroll the projector's text &amp;down</source>
            <translation>Cuộn chữ máy chiếu &amp;xuống</translation>
        </message>
        <message>
            <source>Scroll the projector's text &amp;up</source>
            <translation>Cuộn chữ máy chiếu &amp;lên</translation>
        </message>
        <message>
            <source>&amp;Late threshold…</source>
            <translation>&amp;Ngưỡng chậm…</translation>
        </message>
        <message>
            <source>Late threshold</source>
            <translation>Ngưỡng chậm</translation>
        </message>
    </context>
    <context>
        <name>MakeKitsDialog</name>
        <message>
            <source>Make observer kits</source>
            <translation>Tạo bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>&amp;Add observer</source>
            <translation>&amp;Thêm người đánh giá</translation>
        </message>
        <message>
            <source>&amp;Remove observer</source>
            <translation>&amp;Bỏ người đánh giá</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Chọn…</translation>
        </message>
        <message>
            <source>&amp;Make kits</source>
            <translation>Tạo bộ &amp;phiếu</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>Thư &amp;mục:</translation>
        </message>
        <message>
            <source>One kit per observer: type each observer's name and tick the posts they score. A kit holds the posts with their players, the criteria, the injects and answer keys, and nothing else of the exercise file.</source>
            <translation>Mỗi người đánh giá một bộ phiếu: gõ họ tên từng người và đánh dấu các cương vị người đó chấm. Bộ phiếu chỉ chứa các cương vị với người đảm nhiệm, các tiêu chí, các tình huống và đáp án, không có gì khác của tệp diễn tập.</translation>
        </message>
        <message>
            <source>Folder for the kits</source>
            <translation>Thư mục lưu bộ phiếu</translation>
        </message>
        <message>
            <source>Type at least one observer's name and tick a post.</source>
            <translation>Hãy gõ họ tên ít nhất một người đánh giá và đánh dấu một cương vị.</translation>
        </message>
        <message>
            <source>Replace kits</source>
            <translation>Thay bộ phiếu</translation>
        </message>
        <message numerus="yes">
            <source>%n kit(s) already exist in this folder. Replace them? Scores entered in them and not yet merged would be lost.</source>
            <translation>
                <numerusform>Thư mục này đã có %n bộ phiếu. Thay thế? Điểm đã chấm trong đó mà chưa gộp sẽ bị mất.</numerusform>
            </translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Thay thế</translation>
        </message>
        <message>
            <source>Keep them</source>
            <translation>Giữ nguyên</translation>
        </message>
        <message>
            <source>The folder cannot be made.</source>
            <translation>Không tạo được thư mục.</translation>
        </message>
        <message numerus="yes">
            <source>%n kit(s) written to %1:</source>
            <translation>
                <numerusform>Đã ghi %n bộ phiếu vào %1:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n post(s)</source>
            <translation>
                <numerusform>%n cương vị</numerusform>
            </translation>
        </message>
        <message>
            <source>kits</source>
            <translation>bo-phieu</translation>
        </message>
    </context>
    <context>
        <name>MergeKitsDialog</name>
        <message>
            <source>Merge observer kits</source>
            <translation>Gộp bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>Choose the kits to merge. Each is checked whole before anything of it is written; merging twice changes nothing.</source>
            <translation>Chọn các bộ phiếu cần gộp. Mỗi bộ phiếu được kiểm tra toàn bộ trước khi ghi; gộp hai lần không thay đổi gì.</translation>
        </message>
        <message>
            <source>&amp;Choose kits…</source>
            <translation>&amp;Chọn bộ phiếu…</translation>
        </message>
        <message>
            <source>Kits</source>
            <translation>Bộ phiếu</translation>
        </message>
        <message>
            <source>Observers who disagree (scores more than a quarter of the maximum apart)</source>
            <translation>Người đánh giá chấm chênh lệch (hơn một phần tư điểm tối đa)</translation>
        </message>
        <message>
            <source>Observer kits to merge</source>
            <translation>Bộ phiếu đánh giá cần gộp</translation>
        </message>
        <message>
            <source>Observer kits</source>
            <translation>Bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>Checking and merging…</source>
            <translation>Đang kiểm tra và gộp…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Kit %1 of %2: %3</source>
            <translation>Bộ phiếu %1/%2: %3</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>The kits could not be merged.</source>
            <translation>Không gộp được bộ phiếu.</translation>
        </message>
        <message>
            <source>The kits could not be merged; the exercise file is as it was before the merge.</source>
            <translation>Không gộp được bộ phiếu; tệp diễn tập vẫn như trước khi gộp.</translation>
        </message>
        <message>
            <source>Stopping after the current kit…</source>
            <translation>Sẽ dừng sau bộ phiếu đang gộp…</translation>
        </message>
        <message numerus="yes">
            <source>%n kit(s) merged</source>
            <translation>
                <numerusform>Đã gộp %n bộ phiếu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n refused (nothing of a refused kit is written)</source>
            <translation>
                <numerusform>từ chối %n (bộ phiếu bị từ chối không được ghi gì)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n disagreement(s) to look at.</source>
            <translation>
                <numerusform>%n chỗ chấm chênh lệch cần xem.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MergeResultsModel</name>
        <message>
            <source>Kit</source>
            <translation>Bộ phiếu</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>Người đánh giá</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Điểm mới</translation>
        </message>
        <message>
            <source>Replaced</source>
            <translation>Điểm thay</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Không đổi</translation>
        </message>
        <message>
            <source>Notes added</source>
            <translation>Nhận xét mới</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>Đã gộp</translation>
        </message>
        <message>
            <source>Refused: %1</source>
            <translation>Từ chối: %1</translation>
        </message>
        <message numerus="yes">
            <source>Merged; %n score(s) older than the observer's later entries kept out</source>
            <translation>
                <numerusform>Đã gộp; không dùng %n điểm vì người đánh giá đã nhập điểm khác sau đó</numerusform>
            </translation>
        </message>
        <message>
            <source>Kept out (the observer entered another score later; check with them):</source>
            <translation>Không dùng (người đánh giá đã nhập điểm khác sau đó; hãy hỏi lại người đánh giá):</translation>
        </message>
        <message>
            <source>Merged, but the kit holds no score: was it filled in?</source>
            <translation>Đã gộp, nhưng bộ phiếu chưa có điểm nào: đã chấm chưa?</translation>
        </message>
        <message>
            <source>Entered at a time still to come (the observer's laptop clock was ahead); these never win over another entry:</source>
            <translation>Nhập vào thời điểm chưa tới (đồng hồ máy của người đánh giá chạy nhanh); các điểm này không được ưu tiên hơn điểm nhập khác:</translation>
        </message>
        <message numerus="yes">
            <source>; %n score(s) taken back in the kit kept: corrected in the exercise since</source>
            <translation>
                <numerusform>; giữ %n điểm bộ phiếu đã rút: đã được sửa trong cuộc diễn tập</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n score(s) entered before the directing staff's correction kept out</source>
            <translation>
                <numerusform>; không dùng %n điểm nhập trước khi tổ đạo diễn sửa hoặc rút</numerusform>
            </translation>
        </message>
        <message>
            <source>Kept out (entered in the kit before the directing staff corrected or took back the score):</source>
            <translation>Không dùng (nhập trong bộ phiếu trước khi tổ đạo diễn sửa hoặc rút điểm này):</translation>
        </message>
        <message>
            <source>%1, criterion %2</source>
            <translation>%1, nội dung %2</translation>
        </message>
        <message numerus="yes">
            <source>; %n score(s) withdrawn as in the kit</source>
            <translation>
                <numerusform>; rút %n điểm như trong bộ phiếu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n note(s) withdrawn as in the kit</source>
            <translation>
                <numerusform>; rút %n nhận xét như trong bộ phiếu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>; %n unchanged score(s) stay as the directing staff corrected or took them back</source>
            <translation>
                <numerusform>; %n điểm không đổi vẫn giữ như tổ đạo diễn đã sửa hoặc rút</numerusform>
            </translation>
        </message>
        <message>
            <source>; two copies of this kit were filled in apart (some scores older, some newer than the copy merged before): the later entry of each score was kept, check with the observer</source>
            <translation>; hai bản của bộ phiếu này đã được chấm riêng (có điểm cũ hơn, có điểm mới hơn bản đã gộp trước): đã giữ điểm nhập sau cùng của từng nội dung, hãy hỏi lại người đánh giá</translation>
        </message>
        <message>
            <source>; “%1” is a new observer and looks like “%2”, already known: if they are one person, their scores count twice</source>
            <translation>; “%1” là người đánh giá mới, giống “%2” đã có: nếu là một người thì điểm của người này bị tính hai lần</translation>
        </message>
        <message>
            <source>Replaced (the score before → the kit's):</source>
            <translation>Đã thay (điểm trước → điểm trong bộ phiếu):</translation>
        </message>
        <message>
            <source>Unchanged in the kit, standing as the directing staff corrected or took them back:</source>
            <translation>Không đổi trong bộ phiếu, vẫn giữ như tổ đạo diễn đã sửa hoặc rút:</translation>
        </message>
        <message>
            <source>(and %1 more: point at it to read them all)</source>
            <translation>(và %1 lỗi khác: trỏ chuột vào để xem hết)</translation>
        </message>
    </context>
    <context>
        <name>NewExerciseDialog</name>
        <message>
            <source>New exercise</source>
            <translation>Tạo cuộc diễn tập mới</translation>
        </message>
        <message>
            <source>From a scenario &amp;file…</source>
            <translation>Từ tệ&amp;p kịch bản…</translation>
        </message>
        <message>
            <source>&amp;Change…</source>
            <translation>Đổi chỗ &amp;lưu…</translation>
        </message>
        <message>
            <source>Create and open</source>
            <translation>Tạo và mở</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Kịch bản</translation>
        </message>
        <message>
            <source>The exercise</source>
            <translation>Cuộc diễn tập</translation>
        </message>
        <message>
            <source>Open a scenario file</source>
            <translation>Mở tệp kịch bản</translation>
        </message>
        <message>
            <source>Scenario files</source>
            <translation>Tệp kịch bản</translation>
        </message>
        <message>
            <source>The scenario file %1 cannot be used. Correct these problems in the file and open it again:</source>
            <translation>Không dùng được tệp kịch bản %1. Hãy sửa các lỗi sau trong tệp rồi mở lại:</translation>
        </message>
        <message>
            <source>%1 posts, %2 phases, %3 injects.</source>
            <translation>%1 cương vị, %2 bước, %3 tình huống.</translation>
        </message>
        <message>
            <source>Save the new exercise as</source>
            <translation>Lưu cuộc diễn tập mới thành</translation>
        </message>
        <message>
            <source>Exercise files</source>
            <translation>Tệp diễn tập</translation>
        </message>
        <message>
            <source>Choose a scenario first.</source>
            <translation>Hãy chọn kịch bản trước.</translation>
        </message>
        <message>
            <source>The exercise file could not be created.</source>
            <translation>Không tạo được tệp diễn tập.</translation>
        </message>
        <message>
            <source>Save a copy to &amp;edit…</source>
            <translation>Lưu bản để &amp;sửa…</translation>
        </message>
        <message>
            <source>The place names and people of the built-in scenarios are made up: save a copy, change it in a text editor, then load it with “From a scenario file…”</source>
            <translation>Địa danh và nhân vật trong các kịch bản mẫu là giả định: lưu một bản, sửa bằng trình soạn thảo văn bản, rồi nạp lại bằng “Từ tệp kịch bản…”</translation>
        </message>
        <message>
            <source>Save a copy of the scenario to edit</source>
            <translation>Lưu bản sao kịch bản để sửa</translation>
        </message>
        <message>
            <source>The scenario could not be saved.</source>
            <translation>Không lưu được kịch bản.</translation>
        </message>
        <message>
            <source>Scenario saved</source>
            <translation>Đã lưu kịch bản</translation>
        </message>
        <message>
            <source>Open %1 in a text editor and make it yours: place names, injects, answer keys, criteria. Then load it here with “From a scenario file…”: the program checks it and shows each problem with its line.</source>
            <translation>Mở %1 bằng trình soạn thảo văn bản và sửa cho phù hợp: địa danh, tình huống, đáp án, tiêu chí. Sau đó nạp lại tại đây bằng “Từ tệp kịch bản…”: chương trình sẽ kiểm tra và chỉ rõ từng lỗi theo dòng.</translation>
        </message>
        <message>
            <source>Attached files not found</source>
            <translation>Không thấy tệp đính kèm</translation>
        </message>
        <message>
            <source>These files the scenario attaches to its injects are not next to it (or are over 50 MB), so they cannot go into the exercise file: the inject will show only the file's name.</source>
            <translation>Các tệp kịch bản đính kèm vào tình huống dưới đây không có bên cạnh tệp kịch bản (hoặc lớn hơn 50 MB), nên không đưa được vào tệp cuộc diễn tập: tình huống đó sẽ chỉ hiện tên tệp.</translation>
        </message>
        <message>
            <source>Inject %1: %2</source>
            <translation>Tình huống %1: %2</translation>
        </message>
        <message>
            <source>Put them in the scenario's folder, then create the exercise; or create it without them.</source>
            <translation>Hãy chép các tệp đó vào thư mục của kịch bản rồi tạo cuộc diễn tập; hoặc tạo mà không có chúng.</translation>
        </message>
        <message>
            <source>Create &amp;without them</source>
            <translation>Tạo &amp;không có các tệp đó</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Quay lại</translation>
        </message>
        <message>
            <source>Create and &amp;open</source>
            <translation>Tạo &amp;và mở</translation>
        </message>
        <message>
            <source>The exercise has not been created: the details and the roster typed will be lost.</source>
            <translation>Cuộc diễn tập chưa được tạo: các thông tin và danh sách khung tập đã nhập sẽ mất.</translation>
        </message>
        <message>
            <source>Choose a scenario in the list, or open the file again once corrected.</source>
            <translation>Hãy chọn một kịch bản trong danh sách, hoặc mở lại tệp sau khi đã sửa.</translation>
        </message>
        <message>
            <source>Scen&amp;ario</source>
            <translation>Kịch &amp;bản</translation>
        </message>
        <message>
            <source>Sa&amp;ved as:</source>
            <translation>Lư&amp;u thành:</translation>
        </message>
        <message>
            <source>Where the exercise file is written: type its folder and name (a name alone goes in the folder shown; .dientap is added), or choose them with Change…</source>
            <translation>Nơi lưu tệp diễn tập: gõ thư mục và tên tệp (chỉ gõ tên thì tệp nằm trong thư mục đang hiện; tự thêm đuôi .dientap), hoặc chọn bằng nút “Đổi chỗ lưu…”</translation>
        </message>
        <message>
            <source>Type where to save the exercise file under “Saved as”, or choose it with Change…</source>
            <translation>Hãy gõ nơi lưu tệp diễn tập vào ô “Lưu thành”, hoặc chọn bằng nút “Đổi chỗ lưu…”</translation>
        </message>
        <message>
            <source>The folder %1 does not exist: type the path of a folder that is there, or choose one with Change…</source>
            <translation>Thư mục %1 không tồn tại: hãy gõ đường dẫn của một thư mục có sẵn, hoặc chọn bằng nút “Đổi chỗ lưu…”</translation>
        </message>
        <message>
            <source>The scenario can be used, but check this in its file:</source>
            <translation>Kịch bản dùng được, nhưng hãy kiểm tra điều sau trong tệp:</translation>
        </message>
    </context>
    <context>
        <name>NotesModel</name>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Inject</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Nhận xét</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Chung</translation>
        </message>
        <message>
            <source>All posts</source>
            <translation>Mọi cương vị</translation>
        </message>
    </context>
    <context>
        <name>ObserverPostsModel</name>
        <message>
            <source>Observer</source>
            <translation>Người đánh giá</translation>
        </message>
        <message>
            <source>Type the observer's name…</source>
            <translation>Gõ họ tên người đánh giá…</translation>
        </message>
    </context>
    <context>
        <name>ObserverWindow</name>
        <message>
            <source>Observer kit — %1 — %2</source>
            <translation>Bộ phiếu đánh giá — %1 — %2</translation>
        </message>
        <message>
            <source>Ctrl+Page Down / Ctrl+Page Up: next / previous post</source>
            <translation>Ctrl+Page Down / Ctrl+Page Up: cương vị sau / trước</translation>
        </message>
        <message>
            <source>Type a score from 0 to the maximum (with , or .) and press Enter for the next criterion; Delete or an empty score takes it back. Every entry is saved at once.</source>
            <translation>Gõ điểm từ 0 đến điểm tối đa (dùng dấu , hoặc .) rồi nhấn Enter để sang tiêu chí sau; phím Delete hoặc để trống là bỏ điểm. Mọi điểm được lưu ngay.</translation>
        </message>
        <message>
            <source>&amp;Scoring sheet</source>
            <translation>&amp;Phiếu chấm điểm</translation>
        </message>
        <message>
            <source>&amp;Notes</source>
            <translation>&amp;Nhận xét</translation>
        </message>
        <message>
            <source>In&amp;jects and answer keys</source>
            <translation>Tình huống &amp;và đáp án</translation>
        </message>
        <message>
            <source>Posts to score</source>
            <translation>Cương vị cần chấm</translation>
        </message>
        <message>
            <source>Exercise «%1», %2. Every entry is saved in the kit at once.</source>
            <translation>Cuộc diễn tập «%1», %2. Mọi điểm và nhận xét được lưu ngay vào bộ phiếu.</translation>
        </message>
        <message>
            <source>&amp;Import scores from a CSV file…</source>
            <translation>&amp;Nhập điểm từ tệp CSV…</translation>
        </message>
        <message>
            <source>&amp;Next post</source>
            <translation>Cương vị &amp;sau</translation>
        </message>
        <message>
            <source>&amp;Previous post</source>
            <translation>Cương vị &amp;trước</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>Đón&amp;g</translation>
        </message>
        <message>
            <source>General (no inject)</source>
            <translation>Chung (không theo tình huống)</translation>
        </message>
        <message>
            <source>All posts</source>
            <translation>Mọi cương vị</translation>
        </message>
        <message>
            <source>What went well, what fell short, what to do next time. Ctrl+Enter adds the note.</source>
            <translation>Ưu điểm, hạn chế, khuyết điểm, đề xuất cho lần sau. Nhấn Ctrl+Enter để thêm nhận xét.</translation>
        </message>
        <message>
            <source>&amp;Add note</source>
            <translation>Thê&amp;m nhận xét</translation>
        </message>
        <message>
            <source>&amp;Delete note</source>
            <translation>&amp;Xóa nhận xét</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Loại:</translation>
        </message>
        <message>
            <source>&amp;Inject:</source>
            <translation>&amp;Tình huống:</translation>
        </message>
        <message>
            <source>&amp;Post:</source>
            <translation>&amp;Cương vị:</translation>
        </message>
        <message>
            <source>Strengths, weaknesses and proposals feed the after-action report.</source>
            <translation>Ưu điểm, hạn chế, khuyết điểm và đề xuất, kiến nghị được đưa vào báo cáo rút kinh nghiệm.</translation>
        </message>
        <message>
            <source>Add a note on this inject</source>
            <translation>Thêm nhận xét về tình huống này</translation>
        </message>
        <message>
            <source>Player: %1</source>
            <translation>Người đảm nhiệm: %1</translation>
        </message>
        <message>
            <source>Total: %1 / %2 — %3</source>
            <translation>Tổng: %1 / %2 — %3</translation>
        </message>
        <message>
            <source>Every criterion is scored.</source>
            <translation>Đã chấm đủ mọi tiêu chí.</translation>
        </message>
        <message>
            <source>Total: not complete</source>
            <translation>Tổng: chưa đủ</translation>
        </message>
        <message>
            <source>Still missing: criteria %1</source>
            <translation>Còn thiếu: tiêu chí %1</translation>
        </message>
        <message>
            <source>%1 of %2 posts complete.</source>
            <translation>Đã chấm đủ %1/%2 cương vị.</translation>
        </message>
        <message>
            <source>Imported: %1 added, %2 replaced, %3 unchanged.</source>
            <translation>Đã nhập: thêm %1, thay %2, không đổi %3.</translation>
        </message>
        <message>
            <source>The note was not saved.</source>
            <translation>Chưa lưu được nhận xét.</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>Xóa nhận xét</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Giữ lại</translation>
        </message>
        <message>
            <source>Answer key</source>
            <translation>Đáp án</translation>
        </message>
        <message>
            <source>This observer kit cannot be opened.</source>
            <translation>Không mở được bộ phiếu đánh giá này.</translation>
        </message>
        <message>
            <source>&amp;Save a CSV template to type paper scores in…</source>
            <translation>&amp;Lưu mẫu CSV để nhập điểm…</translation>
        </message>
        <message>
            <source>A CSV with one row per criterion of each post, in the order of the printed blank sheets: type the scores in, then import it</source>
            <translation>Tệp CSV có một dòng cho mỗi tiêu chí của từng cương vị, theo đúng thứ tự trên phiếu chấm điểm in sẵn: gõ điểm vào rồi nhập lại</translation>
        </message>
        <message>
            <source>Save a CSV template to type paper scores in</source>
            <translation>Lưu mẫu CSV để nhập điểm</translation>
        </message>
        <message>
            <source>The CSV template could not be saved.</source>
            <translation>Không lưu được tệp CSV mẫu.</translation>
        </message>
        <message>
            <source>CSV template saved</source>
            <translation>Đã lưu tệp CSV mẫu</translation>
        </message>
        <message>
            <source>A note not added</source>
            <translation>Nhận xét chưa thêm</translation>
        </message>
        <message>
            <source>Go back to the note</source>
            <translation>Quay lại nhận xét</translation>
        </message>
        <message>
            <source>Ki&amp;t</source>
            <translation>&amp;Bộ phiếu</translation>
        </message>
        <message>
            <source>T&amp;ext:</source>
            <translation>Nội &amp;dung:</translation>
        </message>
        <message>
            <source>%1 has one row per criterion of each post, in the order of the printed blank sheets. Type each score in the score column (and a comment in the comment column if you wish), save it in the same format (in Excel: CSV UTF-8) and bring it in with “Import scores from a CSV file…”. Fill in only the posts you scored: the rows left without a score are left out when you import.</source>
            <translation>Tệp %1 có một dòng cho mỗi tiêu chí của từng cương vị, theo đúng thứ tự trên phiếu chấm điểm in sẵn. Gõ điểm vào cột score (và ghi chú vào cột comment nếu cần), lưu lại đúng dạng đó (trong Excel: CSV UTF-8) rồi đưa vào bằng “Nhập điểm từ tệp CSV…”. Chỉ cần điền các cương vị đã chấm: những dòng để trống điểm được bỏ qua khi nhập.</translation>
        </message>
        <message>
            <source>Exercise «%1», %2.</source>
            <translation>Cuộc diễn tập «%1», %2.</translation>
        </message>
        <message>
            <source>Exercise «%1».</source>
            <translation>Cuộc diễn tập «%1».</translation>
        </message>
        <message>
            <source>Every entry is saved in the kit at once.</source>
            <translation>Mọi điểm và nhận xét được lưu ngay vào bộ phiếu.</translation>
        </message>
        <message>
            <source>Delete this note from the kit?

“%1”

If the kit was merged already, the next merge withdraws the note from the exercise too.</source>
            <translation>Xóa nhận xét này khỏi bộ phiếu?

“%1”

Nếu bộ phiếu đã được gộp, lần gộp sau sẽ rút nhận xét này khỏi cuộc diễn tập.</translation>
        </message>
        <message>
            <source>The note typed on the Notes tab has not been added to the kit, and a kit taken to the director goes without it. Add it now?

Closed without it, the note stays on this computer and comes back when the kit is opened here again.</source>
            <translation>Nhận xét đang gõ ở thẻ Nhận xét chưa được thêm vào bộ phiếu: bộ phiếu nộp lại sẽ không có nhận xét này. Thêm ngay bây giờ?

Nếu đóng mà chưa thêm, nhận xét vẫn được giữ trên máy này và hiện lại khi mở bộ phiếu này ở máy này lần sau.</translation>
        </message>
        <message>
            <source>Add it and close</source>
            <translation>Thêm rồi đóng</translation>
        </message>
        <message>
            <source>Close without adding it</source>
            <translation>Đóng, chưa thêm</translation>
        </message>
        <message>
            <source>The note typed when this kit was last open, and not added to it, is back on the Notes tab.</source>
            <translation>Nhận xét gõ lần trước mà chưa thêm vào bộ phiếu đã hiện lại ở thẻ Nhận xét.</translation>
        </message>
        <message>
            <source>Save a cop&amp;y of the kit…</source>
            <translation>Lưu bản sa&amp;o bộ phiếu…</translation>
        </message>
        <message>
            <source>Save a whole copy of the kit as it is now (on a USB stick, for instance); scoring goes on in this kit</source>
            <translation>Lưu một bản sao đầy đủ của bộ phiếu như hiện tại (chẳng hạn vào USB); việc chấm điểm vẫn tiếp tục trên bộ phiếu này</translation>
        </message>
        <message>
            <source>The kit «%1» is no longer where it was opened (deleted, renamed, or its USB stick pulled out): nothing more can be saved in it, and what was saved is only held by this window until it closes. Save a copy of the kit now, elsewhere? Scoring then goes on in the copy.</source>
            <translation>Bộ phiếu «%1» không còn ở chỗ đã mở (bị xóa, đổi tên, hoặc ổ USB bị rút ra): không lưu thêm được gì vào đó nữa, và những gì đã lưu chỉ còn trong cửa sổ này cho đến khi đóng. Lưu ngay một bản sao của bộ phiếu vào chỗ khác? Sau đó sẽ chấm tiếp trên bản sao.</translation>
        </message>
        <message>
            <source>The kit is gone</source>
            <translation>Không tìm thấy bộ phiếu</translation>
        </message>
        <message>
            <source>Save a copy now</source>
            <translation>Lưu bản sao ngay</translation>
        </message>
        <message>
            <source>Save a copy of the kit</source>
            <translation>Lưu bản sao bộ phiếu</translation>
        </message>
        <message>
            <source>Observer kits</source>
            <translation>Bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>%1 (copy)</source>
            <translation>%1 (bản sao)</translation>
        </message>
        <message>
            <source>Copy saved</source>
            <translation>Đã lưu bản sao</translation>
        </message>
        <message>
            <source>A copy of the kit as it is now is in
%1

Scoring goes on in %2.</source>
            <translation>Bản sao của bộ phiếu như hiện tại nằm ở
%1

Việc chấm điểm vẫn tiếp tục trên %2.</translation>
        </message>
        <message>
            <source>The copy of the kit cannot be opened.</source>
            <translation>Không mở được bản sao của bộ phiếu.</translation>
        </message>
        <message>
            <source>Scoring goes on in %1.</source>
            <translation>Đang chấm tiếp trên %1.</translation>
        </message>
        <message>
            <source>The kit «%1» is no longer where it was opened (deleted, renamed, or its USB stick pulled out): its scores and notes are only held by this window, and are lost when it closes. Save a copy of the kit before closing?</source>
            <translation>Bộ phiếu «%1» không còn ở chỗ đã mở (bị xóa, đổi tên, hoặc ổ USB bị rút ra): điểm và nhận xét của nó chỉ còn trong cửa sổ này, và sẽ mất khi đóng. Lưu một bản sao của bộ phiếu trước khi đóng?</translation>
        </message>
        <message>
            <source>Save a copy and close</source>
            <translation>Lưu bản sao rồi đóng</translation>
        </message>
        <message>
            <source>Close and lose them</source>
            <translation>Đóng, chấp nhận mất</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>An automatic copy of the kit could not be made. Your scores are saved in the kit as always; to keep a copy elsewhere, use Kit → Save a copy of the kit (Ctrl+Shift+S).</source>
            <translation>Không tạo được bản sao tự động của bộ phiếu. Điểm vẫn được lưu vào bộ phiếu như thường; để giữ một bản ở nơi khác, dùng Bộ phiếu → Lưu bản sao bộ phiếu (Ctrl+Shift+S).</translation>
        </message>
        <message>
            <source>A&amp;utomatic copies…</source>
            <translation>Bản s&amp;ao tự động…</translation>
        </message>
        <message>
            <source>The folder on this computer where a copy of the kit is kept every ten minutes and when it is closed (the newest twelve)</source>
            <translation>Thư mục trên máy này lưu bản sao của bộ phiếu, cứ mười phút một bản và khi đóng (giữ mười hai bản mới nhất)</translation>
        </message>
        <message>
            <source>The program keeps automatic copies of the kits it opens on this computer. The newest of a kit of this name, to open instead:
%1</source>
            <translation>Chương trình tự động lưu bản sao các bộ phiếu đã mở trên máy này. Bản mới nhất của bộ phiếu cùng tên, để mở thay:
%1</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>T&amp;hoát</translation>
        </message>
        <message>
            <source>&amp;Blank sheets to print (PDF)…</source>
            <translation>&amp;In phiếu chấm trống (PDF)…</translation>
        </message>
        <message>
            <source>The blank scoring sheets of this kit's posts and a page for notes, as a PDF to print and score on paper</source>
            <translation>Phiếu chấm điểm để trống của các cương vị trong bộ phiếu và một trang nhận xét, thành tệp PDF để in ra chấm trên giấy</translation>
        </message>
        <message>
            <source>Save the blank sheets</source>
            <translation>Lưu phiếu chấm để trống</translation>
        </message>
        <message>
            <source>PDF documents</source>
            <translation>Tài liệu PDF</translation>
        </message>
        <message>
            <source>The blank sheets could not be saved.</source>
            <translation>Không lưu được phiếu chấm để trống.</translation>
        </message>
        <message>
            <source>Blank sheets saved in %1.</source>
            <translation>Đã lưu phiếu chấm để trống vào %1.</translation>
        </message>
        <message>
            <source>Blank sheets saved</source>
            <translation>Đã lưu phiếu chấm để trống</translation>
        </message>
        <message>
            <source>The blank sheets are saved in %1, but no program on this computer opens PDF files: print them from another computer.</source>
            <translation>Phiếu chấm để trống đã được lưu vào %1, nhưng máy này không có chương trình mở tệp PDF: hãy in từ máy khác.</translation>
        </message>
    </context>
    <context>
        <name>PostsModel</name>
        <message>
            <source>Not delivered</source>
            <translation>Chưa phát</translation>
        </message>
        <message numerus="yes">
            <source>LATE: no answer for %n min</source>
            <translation>
                <numerusform>CHẬM: %n phút chưa xử trí</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Waiting for %n min</source>
            <translation>
                <numerusform>Đang chờ %n phút</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Answered after %n min (late)</source>
            <translation>
                <numerusform>Xử trí sau %n phút (chậm)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Answered after %n min</source>
            <translation>
                <numerusform>Xử trí sau %n phút</numerusform>
            </translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Phím</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message numerus="yes">
            <source>(%n decisions)</source>
            <translation>
                <numerusform>(%n lượt)</numerusform>
            </translation>
        </message>
        <message>
            <source>Player</source>
            <translation>Người đảm nhiệm</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Xếp loại</translation>
        </message>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>còn thiếu %n tiêu chí</numerusform>
            </translation>
        </message>
        <message>
            <source>Missing: %1</source>
            <translation>Còn thiếu: %1</translation>
        </message>
        <message>
            <source>Still missing: criteria %1</source>
            <translation>Còn thiếu: tiêu chí %1</translation>
        </message>
        <message>
            <source>✎ A decision is typed for this post and not recorded yet: it is kept, and in the form when the post is chosen.</source>
            <translation>✎ Đã gõ xử trí cho cương vị này nhưng chưa ghi: nội dung được giữ lại và hiện trong ô ghi xử trí khi chọn cương vị.</translation>
        </message>
        <message>
            <source>Waiting (less than a minute)</source>
            <translation>Đang chờ (chưa đến 1 phút)</translation>
        </message>
        <message>
            <source>Answered within a minute</source>
            <translation>Xử trí trong vòng 1 phút</translation>
        </message>
    </context>
    <context>
        <name>PostsPanel</name>
        <message>
            <source>Record the decision (Ctrl+Enter)</source>
            <translation>Ghi xử trí (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Enter or double-click corrects the decision</source>
            <translation>Enter hoặc nháy đúp để sửa xử trí</translation>
        </message>
        <message>
            <source>Decisions recorded on this inject</source>
            <translation>Các lượt xử trí đã ghi của tình huống này</translation>
        </message>
        <message>
            <source>Posts to answer (Alt+1…9)</source>
            <translation>Cương vị phải xử trí (Alt+1…9)</translation>
        </message>
        <message>
            <source>This inject has not been delivered: decisions are recorded once it is handed out.</source>
            <translation>Tình huống này chưa phát: chỉ ghi xử trí sau khi đã phát.</translation>
        </message>
        <message>
            <source>Decision of: %1</source>
            <translation>Xử trí của: %1</translation>
        </message>
        <message>
            <source>Type the decision first, then Ctrl+Enter.</source>
            <translation>Hãy gõ nội dung xử trí trước, rồi nhấn Ctrl+Enter.</translation>
        </message>
        <message>
            <source>Every post has answered this inject. Another decision of a post: its key, Alt+1…9, or a click on it.</source>
            <translation>Mọi cương vị đã xử trí tình huống này. Ghi thêm lượt xử trí của một cương vị: nhấn phím của cương vị đó (Alt+1…9) hoặc bấm vào tên.</translation>
        </message>
        <message>
            <source>The next inject: F6.</source>
            <translation>Tình huống tiếp theo: F6.</translation>
        </message>
        <message>
            <source>Every inject is handed out: Ctrl+F9 finishes the exercise.</source>
            <translation>Đã phát hết các tình huống: Ctrl+F9 để kết thúc diễn tập.</translation>
        </message>
        <message>
            <source>Correct… (F4)</source>
            <translation>Sửa… (F4)</translation>
        </message>
        <message>
            <source>Correct the decision chosen in the list (Enter on it does too)</source>
            <translation>Sửa lượt xử trí đang chọn trong danh sách (nhấn Enter trên dòng đó cũng được)</translation>
        </message>
        <message>
            <source>Time of the decision</source>
            <translation>Thời điểm xử trí</translation>
        </message>
        <message>
            <source>The time typed, %1, is before the inject was delivered, at %2: the decision is recorded at %2 (F4 corrects it).</source>
            <translation>Thời điểm đã gõ, %1, sớm hơn lúc phát tình huống, %2: lượt xử trí được ghi lúc %2 (sửa bằng F4).</translation>
        </message>
    </context>
    <context>
        <name>PreviewModel</name>
        <message>
            <source>Line</source>
            <translation>Dòng</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>Người đánh giá</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Tiêu chí</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Effect</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>new</source>
            <translation>mới</translation>
        </message>
        <message>
            <source>unchanged</source>
            <translation>không đổi</translation>
        </message>
        <message>
            <source>replaces %1</source>
            <translation>thay điểm %1</translation>
        </message>
        <message>
            <source>Kept as it is: the file gives no comment for this row.
%1</source>
            <translation>Giữ nguyên: tệp không có ghi chú cho dòng này.
%1</translation>
        </message>
    </context>
    <context>
        <name>ProjectorWindow</name>
        <message>
            <source>Projector</source>
            <translation>Máy chiếu</translation>
        </message>
        <message>
            <source>PAUSED</source>
            <translation>TẠM DỪNG</translation>
        </message>
        <message>
            <source>Exercise director</source>
            <translation>Điều hành diễn tập</translation>
        </message>
        <message>
            <source>END OF EXERCISE</source>
            <translation>KẾT THÚC DIỄN TẬP</translation>
        </message>
        <message>
            <source>The exercise is about to begin</source>
            <translation>Cuộc diễn tập sắp bắt đầu</translation>
        </message>
        <message>
            <source>The exercise has begun: the first inject comes</source>
            <translation>Cuộc diễn tập đã bắt đầu: tình huống đầu tiên sắp được phát</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Alias</source>
            <translation>Liên kết</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Ổ đĩa</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>File Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Lối tắt</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
    </context>
    <context>
        <name>QAbstractSpinBox</name>
        <message>
            <source>&amp;Select All</source>
            <translation>Chọn &amp;tất cả</translation>
        </message>
        <message>
            <source>&amp;Step up</source>
            <translation>&amp;Tăng</translation>
        </message>
        <message>
            <source>Step &amp;down</source>
            <translation>&amp;Giảm</translation>
        </message>
    </context>
    <context>
        <name>QDialogButtonBox</name>
        <message>
            <source>OK</source>
            <translation>Đồ&amp;ng ý</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>&amp;Hủy</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Không</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đón&amp;g</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>&amp;Lưu</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
            <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
        </message>
        <message>
            <source>%1
File not found.
Please verify the correct file name was given.</source>
            <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
        </message>
        <message>
            <source>%1 File</source>
            <translation>Tệp %1</translation>
        </message>
        <message>
            <source>%1 already exists.
Do you want to replace it?</source>
            <translation>%1 đã tồn tại.
Có ghi đè không?</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>&amp;Chọn</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Xóa</translation>
        </message>
        <message>
            <source>&amp;New Folder</source>
            <translation>Thư mục &amp;mới</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Mở</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>Đổi &amp;tên</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>'%1' is write protected.
Do you want to delete it anyway?</source>
            <translation>'%1' đang được bảo vệ chống ghi.
Vẫn xóa tệp này?</translation>
        </message>
        <message>
            <source>Alias</source>
            <translation>Liên kết</translation>
        </message>
        <message>
            <source>All Files (*)</source>
            <translation>Tất cả các tệp (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Tất cả các tệp (*)</translation>
        </message>
        <message>
            <source>Are you sure you want to delete '%1'?</source>
            <translation>Có chắc chắn xóa '%1' không?</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Lùi lại</translation>
        </message>
        <message>
            <source>Change to detail view mode</source>
            <translation>Xem dạng chi tiết</translation>
        </message>
        <message>
            <source>Change to list view mode</source>
            <translation>Xem dạng danh sách</translation>
        </message>
        <message>
            <source>Could not delete directory.</source>
            <translation>Không xóa được thư mục.</translation>
        </message>
        <message>
            <source>Create New Folder</source>
            <translation>Tạo thư mục mới</translation>
        </message>
        <message>
            <source>Create a New Folder</source>
            <translation>Tạo một thư mục mới</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Detail View</source>
            <translation>Xem chi tiết</translation>
        </message>
        <message>
            <source>Directories</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Directory:</source>
            <translation>Thư mục:</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>Ổ đĩa</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>&amp;Tên tệp:</translation>
        </message>
        <message>
            <source>File Folder</source>
            <translation>Thư mục tệp</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Files of type:</source>
            <translation>Kiểu tệp:</translation>
        </message>
        <message>
            <source>Find Directory</source>
            <translation>Tìm thư mục</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Tiến tới</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Quay lại</translation>
        </message>
        <message>
            <source>Go forward</source>
            <translation>Tiến tới</translation>
        </message>
        <message>
            <source>Go to the parent directory</source>
            <translation>Lên thư mục cha</translation>
        </message>
        <message>
            <source>List View</source>
            <translation>Xem danh sách</translation>
        </message>
        <message>
            <source>List of places and bookmarks</source>
            <translation>Danh sách nơi lưu và đánh dấu</translation>
        </message>
        <message>
            <source>Look in:</source>
            <translation>Tìm trong:</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Máy tính của tôi</translation>
        </message>
        <message>
            <source>New Folder</source>
            <translation>Thư mục mới</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>Parent Directory</source>
            <translation>Thư mục cha</translation>
        </message>
        <message>
            <source>Recent Places</source>
            <translation>Nơi dùng gần đây</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Bỏ</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>Lưu thành</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Lối tắt</translation>
        </message>
        <message>
            <source>Show &amp;hidden files</source>
            <translation>&amp;Hiện tệp ẩn</translation>
        </message>
        <message>
            <source>Sidebar</source>
            <translation>Thanh bên</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
        <message>
            <source>&amp;Look in:</source>
            <translation>Tìm t&amp;rong:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;Kiểu tệp:</translation>
        </message>
        <message>
            <source>Show </source>
            <translation>Hiện cột </translation>
        </message>
    </context>
    <context>
        <name>QFileSystemModel</name>
        <message>
            <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
            <translation>&lt;b&gt;Không dùng được tên "%1".&lt;/b&gt;&lt;p&gt;Hãy đặt tên khác, ngắn hơn hoặc không có dấu chấm câu.</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Máy tính</translation>
        </message>
        <message>
            <source>Date Modified</source>
            <translation>Ngày sửa</translation>
        </message>
        <message>
            <source>Invalid filename</source>
            <translation>Tên tệp không hợp lệ</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>My Computer</source>
            <translation>Máy tính của tôi</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Kích thước</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Loại</translation>
        </message>
    </context>
    <context>
        <name>QInputDialog</name>
        <message>
            <source>Enter a value:</source>
            <translation>Nhập một giá trị:</translation>
        </message>
    </context>
    <context>
        <name>QLineEdit</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Hide Details...</source>
            <translation>Ẩn chi tiết...</translation>
        </message>
        <message>
            <source>Show Details...</source>
            <translation>Xem chi tiết...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>&amp;No</source>
            <translation>&amp;Không</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <source>Abort</source>
            <translation>Hủy &amp;bỏ</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Á&amp;p dụng</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>&amp;Hủy</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đón&amp;g</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>&amp;Không lưu</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>&amp;Trợ giúp</translation>
        </message>
        <message>
            <source>Ignore</source>
            <translation>Bỏ &amp;qua</translation>
        </message>
        <message>
            <source>N&amp;o to All</source>
            <translation>K&amp;hông với tất cả</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Đồ&amp;ng ý</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>&amp;Mở</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Đặt &amp;lại</translation>
        </message>
        <message>
            <source>Restore Defaults</source>
            <translation>Khôi phục &amp;mặc định</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>&amp;Thử lại</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <source>Save All</source>
            <translation>Lưu &amp;tất cả</translation>
        </message>
        <message>
            <source>Yes to &amp;All</source>
            <translation>Có với &amp;tất cả</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>&amp;Không</translation>
        </message>
    </context>
    <context>
        <name>QUnicodeControlCharacterMenu</name>
        <message>
            <source>FSI First strong isolate</source>
            <translation>FSI Cô lập theo ký tự mạnh đầu tiên</translation>
        </message>
        <message>
            <source>Insert Unicode control character</source>
            <translation>Chèn ký tự điều khiển Unicode</translation>
        </message>
        <message>
            <source>LRE Start of left-to-right embedding</source>
            <translation>LRE Bắt đầu nhúng trái sang phải</translation>
        </message>
        <message>
            <source>LRI Left-to-right isolate</source>
            <translation>LRI Cô lập trái sang phải</translation>
        </message>
        <message>
            <source>LRM Left-to-right mark</source>
            <translation>LRM Dấu trái sang phải</translation>
        </message>
        <message>
            <source>LRO Start of left-to-right override</source>
            <translation>LRO Bắt đầu ép trái sang phải</translation>
        </message>
        <message>
            <source>PDF Pop directional formatting</source>
            <translation>PDF Kết thúc định dạng hướng</translation>
        </message>
        <message>
            <source>PDI Pop directional isolate</source>
            <translation>PDI Kết thúc cô lập hướng</translation>
        </message>
        <message>
            <source>RLE Start of right-to-left embedding</source>
            <translation>RLE Bắt đầu nhúng phải sang trái</translation>
        </message>
        <message>
            <source>RLI Right-to-left isolate</source>
            <translation>RLI Cô lập phải sang trái</translation>
        </message>
        <message>
            <source>RLM Right-to-left mark</source>
            <translation>RLM Dấu phải sang trái</translation>
        </message>
        <message>
            <source>RLO Start of right-to-left override</source>
            <translation>RLO Bắt đầu ép phải sang trái</translation>
        </message>
        <message>
            <source>ZWJ Zero width joiner</source>
            <translation>ZWJ Ký tự nối độ rộng 0</translation>
        </message>
        <message>
            <source>ZWNJ Zero width non-joiner</source>
            <translation>ZWNJ Ký tự không nối độ rộng 0</translation>
        </message>
        <message>
            <source>ZWSP Zero width space</source>
            <translation>ZWSP Khoảng trắng độ rộng 0</translation>
        </message>
    </context>
    <context>
        <name>QWidgetTextControl</name>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Sao chép</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>&amp;Dán</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Làm lại</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Hoàn tác</translation>
        </message>
        <message>
            <source>Copy &amp;Link Location</source>
            <translation>Sao chép địa chỉ &amp;liên kết</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>&amp;Cắt</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Select All</source>
            <translation>Chọn tất cả</translation>
        </message>
    </context>
    <context>
        <name>RecentModel</name>
        <message>
            <source>Exercise</source>
            <translation>Cuộc diễn tập</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Last opened</source>
            <translation>Mở lần cuối</translation>
        </message>
        <message>
            <source>(file not found)</source>
            <translation>(không tìm thấy tệp)</translation>
        </message>
    </context>
    <context>
        <name>RosterModel</name>
        <message>
            <source>Post</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Cấp bậc</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
    </context>
    <context>
        <name>RunView</name>
        <message>
            <source>Injects (Ctrl+L)</source>
            <translation>Tình huống (Ctrl+L)</translation>
        </message>
    </context>
    <context>
        <name>ScenarioModel</name>
        <message>
            <source>Scenario</source>
            <translation>Kịch bản</translation>
        </message>
        <message>
            <source>Injects</source>
            <translation>Tình huống</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>Cương vị</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Cấp</translation>
        </message>
    </context>
    <context>
        <name>ScoreSheetModel</name>
        <message>
            <source>No.</source>
            <translation>TT</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Tiêu chí</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Tối đa</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>“%1” is not a number</source>
            <translation>“%1” không phải là số</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Phím tắt</translation>
        </message>
        <message>
            <source>Kind of decision: report, decision, orders, coordinate, other</source>
            <translation>Loại xử trí: báo cáo, hạ quyết tâm, ra mệnh lệnh, hiệp đồng, khác</translation>
        </message>
        <message>
            <source>Time the decision was given</source>
            <translation>Thời điểm xử trí</translation>
        </message>
        <message>
            <source>Record the decision</source>
            <translation>Ghi xử trí</translation>
        </message>
        <message>
            <source>Move between fields</source>
            <translation>Chuyển giữa các ô</translation>
        </message>
        <message>
            <source>Choose the post that answers (the key shown beside it)</source>
            <translation>Chọn cương vị xử trí (phím ghi bên cạnh cương vị)</translation>
        </message>
        <message>
            <source>Correct a decision recorded (the one chosen, else the latest)</source>
            <translation>Sửa một lượt xử trí đã ghi (lượt đang chọn, nếu không thì lượt ghi sau cùng)</translation>
        </message>
        <message>
            <source>Time back to now</source>
            <translation>Đưa thời điểm về bây giờ</translation>
        </message>
        <message>
            <source>Tick an expected action the decision covers (Tab into their list, then ↑ ↓)</source>
            <translation>Đánh dấu nội dung đáp án mà xử trí đáp ứng (Tab vào danh sách, rồi ↑ ↓)</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Phím cách</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsModel</name>
        <message>
            <source>Command</source>
            <translation>Lệnh</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Phím</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Exercise director</source>
            <translation>Điều hành diễn tập</translation>
        </message>
        <message>
            <source>Defence-zone and combat-defence exercises: run the injects, record each post's decisions, project to the room. Every action is saved at once.</source>
            <translation>Diễn tập khu vực phòng thủ, chiến đấu phòng thủ: phát tình huống, ghi xử trí của từng cương vị, chiếu cho hội trường. Mọi thao tác được lưu ngay.</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <source>New to the program? “Practice with the demo exercise” opens a ready exercise: press F5 to start, F6 to deliver each inject.</source>
            <translation>Lần đầu dùng chương trình? “Diễn tập thử với bài mẫu” mở sẵn một cuộc diễn tập: nhấn F5 để bắt đầu, F6 để phát từng tình huống.</translation>
        </message>
        <message>
            <source>Enter or double-click opens the exercise</source>
            <translation>Enter hoặc nháy đúp để mở cuộc diễn tập</translation>
        </message>
        <message>
            <source>No exercise opened yet.</source>
            <translation>Chưa mở cuộc diễn tập nào.</translation>
        </message>
        <message>
            <source>Enter or double-click starts a new exercise from this scenario</source>
            <translation>Enter hoặc nháy đúp để tạo cuộc diễn tập mới từ kịch bản này</translation>
        </message>
        <message>
            <source>New exercise from a scenario file…</source>
            <translation>Tạo từ tệp kịch bản…</translation>
        </message>
        <message>
            <source>Built-in scenarios</source>
            <translation>Kịch bản có sẵn</translation>
        </message>
        <message>
            <source>Recent exercises</source>
            <translation>Cuộc diễn tập gần đây</translation>
        </message>
        <message>
            <source>Some built-in scenarios are damaged and were left out.</source>
            <translation>Một số kịch bản có sẵn bị hỏng nên đã được bỏ qua.</translation>
        </message>
    </context>
    <context>
        <name>CoversModel</name>
        <message>
            <source>Expected action %1 (hidden on this screen)</source>
            <translation>Nội dung đáp án %1 (đang ẩn trên màn hình này)</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>the file does not exist</source>
            <translation>tệp không tồn tại</translation>
        </message>
        <message>
            <source>this is a folder or a device, not a file</source>
            <translation>đây là thư mục hoặc thiết bị, không phải tệp</translation>
        </message>
        <message>
            <source>the folder does not exist</source>
            <translation>thư mục không tồn tại</translation>
        </message>
        <message>
            <source>this is not an exercise file</source>
            <translation>đây không phải tệp diễn tập</translation>
        </message>
        <message>
            <source>this is another program's database, not an exercise file</source>
            <translation>đây là cơ sở dữ liệu của chương trình khác, không phải tệp diễn tập</translation>
        </message>
        <message>
            <source>this is an observer kit, not an exercise file</source>
            <translation>đây là bộ phiếu đánh giá, không phải tệp diễn tập</translation>
        </message>
        <message>
            <source>this is an exercise file, not an observer kit</source>
            <translation>đây là tệp diễn tập, không phải bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>this is not an observer kit</source>
            <translation>đây không phải bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>the file cannot be opened (%1)</source>
            <translation>không mở được tệp (%1)</translation>
        </message>
        <message>
            <source>the exercise file holds no scenario</source>
            <translation>tệp diễn tập không có kịch bản</translation>
        </message>
        <message>
            <source>the file is read-only (no permission to change it)</source>
            <translation>tệp ở chế độ chỉ đọc (không có quyền sửa)</translation>
        </message>
        <message>
            <source>no permission to write in this folder</source>
            <translation>không có quyền ghi vào thư mục này</translation>
        </message>
        <message>
            <source>the file already exists; choose another name</source>
            <translation>tệp đã có; hãy chọn tên khác</translation>
        </message>
        <message>
            <source>this is the file itself; choose another name</source>
            <translation>đây chính là tệp đó; hãy chọn tên khác</translation>
        </message>
        <message>
            <source>the file was made by a newer version of the program (file version %1, this one reads up to %2): install the newer version to open it</source>
            <translation>tệp được tạo bởi phiên bản mới hơn của chương trình (phiên bản tệp %1, chương trình này đọc đến %2): hãy cài phiên bản mới hơn để mở</translation>
        </message>
        <message>
            <source>the kit was made by a newer version of the program: install the newer version to use it</source>
            <translation>bộ phiếu được tạo bởi phiên bản mới hơn của chương trình: hãy cài phiên bản mới hơn để dùng</translation>
        </message>
        <message>
            <source>the kit belongs to another exercise («%1»)</source>
            <translation>bộ phiếu thuộc cuộc diễn tập khác («%1»)</translation>
        </message>
        <message>
            <source>the kit was altered outside the program: it is not used</source>
            <translation>bộ phiếu đã bị sửa ngoài chương trình: không dùng được</translation>
        </message>
        <message>
            <source>the file is too large for an observer kit</source>
            <translation>tệp quá lớn so với một bộ phiếu đánh giá</translation>
        </message>
        <message>
            <source>the score "%1" is not a number</source>
            <translation>điểm "%1" không phải là số</translation>
        </message>
        <message>
            <source>there is no post "%1" (the posts are: %2)</source>
            <translation>không có cương vị "%1" (các cương vị: %2)</translation>
        </message>
        <message>
            <source>there is no post "%1"</source>
            <translation>không có cương vị "%1"</translation>
        </message>
        <message>
            <source>there is no criterion "%1"</source>
            <translation>không có tiêu chí "%1"</translation>
        </message>
        <message>
            <source>the observer "%1" is not this kit's observer "%2"</source>
            <translation>người đánh giá "%1" không phải người đánh giá của bộ phiếu này ("%2")</translation>
        </message>
        <message>
            <source>the observer's name is missing</source>
            <translation>thiếu tên người đánh giá</translation>
        </message>
        <message>
            <source>the observer's name is longer than %1 characters</source>
            <translation>tên người đánh giá dài quá %1 ký tự</translation>
        </message>
        <message>
            <source>the first line must be %1 (comment may be left out)</source>
            <translation>dòng đầu phải là %1 (có thể bỏ cột comment)</translation>
        </message>
        <message>
            <source>the text is not in UTF-8 (byte %1): save it as "CSV UTF-8"</source>
            <translation>văn bản không ở mã UTF-8 (byte %1): hãy lưu dưới dạng "CSV UTF-8"</translation>
        </message>
        <message>
            <source>this is not a CSV text file</source>
            <translation>đây không phải tệp văn bản CSV</translation>
        </message>
        <message>
            <source>the file is larger than %1 MB</source>
            <translation>tệp lớn hơn %1 MB</translation>
        </message>
        <message>
            <source>post</source>
            <translation>cương vị</translation>
        </message>
        <message>
            <source>phase</source>
            <translation>bước</translation>
        </message>
        <message>
            <source>inject</source>
            <translation>tình huống</translation>
        </message>
        <message>
            <source>criterion</source>
            <translation>tiêu chí</translation>
        </message>
        <message>
            <source>this is not a CSV file</source>
            <translation>đây không phải tệp CSV</translation>
        </message>
        <message>
            <source>the field "%1" is not in the format (check its spelling; fields of your own start with x-)</source>
            <translation>trường "%1" không có trong định dạng (kiểm tra chính tả; trường riêng phải bắt đầu bằng x-)</translation>
        </message>
        <message>
            <source>the required field "%1" is missing</source>
            <translation>thiếu trường bắt buộc "%1"</translation>
        </message>
        <message>
            <source>the field "%1" is written twice (first on line %2)</source>
            <translation>trường "%1" được viết hai lần (lần đầu ở dòng %2)</translation>
        </message>
        <message>
            <source>the id "%1" is not valid (1 to 64 characters: a-z, 0-9 and -, no spaces or accents)</source>
            <translation>mã "%1" không hợp lệ (1 đến 64 ký tự a-z, 0-9 và -, không dấu cách, không dấu tiếng Việt)</translation>
        </message>
        <message>
            <source>the id "%1" is used twice (first on line %2)</source>
            <translation>mã "%1" bị dùng hai lần (lần đầu ở dòng %2)</translation>
        </message>
        <message>
            <source>the format "%1" is not supported (write "%2")</source>
            <translation>định dạng "%1" không được hỗ trợ (hãy ghi "%2")</translation>
        </message>
        <message>
            <source>the text is empty</source>
            <translation>nội dung đang để trống</translation>
        </message>
        <message>
            <source>the list is empty (at least one is needed)</source>
            <translation>danh sách đang trống (cần ít nhất một mục)</translation>
        </message>
        <message>
            <source>no criterion is scored for post "%1"</source>
            <translation>không có tiêu chí nào chấm cho cương vị "%1"</translation>
        </message>
        <message>
            <source>"%1" is not among the posts that must respond to this inject</source>
            <translation>"%1" không thuộc các cương vị phải xử trí tình huống này</translation>
        </message>
        <message>
            <source>the time %1 is not valid (write "HH:MM" with minutes below 60, or whole minutes)</source>
            <translation>thời điểm %1 không hợp lệ (ghi theo dạng "HH:MM", số phút nhỏ hơn 60, hoặc ghi số phút nguyên)</translation>
        </message>
        <message>
            <source>the file is not valid YAML (%1): check the indentation and the quotes</source>
            <translation>tệp không đúng cú pháp YAML (%1): hãy kiểm tra thụt lề và dấu ngoặc kép</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>tệp trống</translation>
        </message>
        <message>
            <source>the file "%1" is outside the scenario's folder</source>
            <translation>tệp "%1" nằm ngoài thư mục của kịch bản</translation>
        </message>
        <message>
            <source>the file "%1" must be given relative to the scenario's folder</source>
            <translation>tệp "%1" phải ghi theo đường dẫn tương đối trong thư mục của kịch bản</translation>
        </message>
        <message>
            <source>the text is not in UTF-8: save the file as UTF-8</source>
            <translation>văn bản không ở mã UTF-8: hãy lưu tệp dưới dạng UTF-8</translation>
        </message>
        <message>
            <source>text is expected here, not %1</source>
            <translation>ở đây cần văn bản, không phải %1</translation>
        </message>
        <message>
            <source>a list is expected here, not %2</source>
            <translation>ở đây cần một danh sách, không phải %2</translation>
        </message>
        <message>
            <source>fields (name: value) are expected here, not %2</source>
            <translation>ở đây cần các trường (tên: giá trị), không phải %2</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>một danh sách</translation>
        </message>
        <message>
            <source>fields (name: value)</source>
            <translation>các trường (tên: giá trị)</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>giá trị rỗng</translation>
        </message>
        <message>
            <source>the text %1</source>
            <translation>văn bản %1</translation>
        </message>
        <message>
            <source>the number %1</source>
            <translation>số %1</translation>
        </message>
        <message>
            <source>the yes/no value %1</source>
            <translation>giá trị đúng/sai %1</translation>
        </message>
        <message>
            <source>the date %1</source>
            <translation>ngày %1</translation>
        </message>
        <message>
            <source>there is no %what "%1" (known: %2)</source>
            <translation>không có %what "%1" (hiện có: %2)</translation>
        </message>
        <message>
            <source>the %what "%1" is repeated (first on line %2)</source>
            <translation>%what "%1" bị lặp lại (lần đầu ở dòng %2)</translation>
        </message>
        <message>
            <source>a number above 0 is expected here, not %1</source>
            <translation>ở đây cần một số lớn hơn 0, không phải %1</translation>
        </message>
        <message>
            <source>a number from 0 up is expected here, not %1</source>
            <translation>ở đây cần một số từ 0 trở lên, không phải %1</translation>
        </message>
        <message>
            <source>a number is expected here, not %1</source>
            <translation>ở đây cần một số, không phải %1</translation>
        </message>
        <message>
            <source>the value "%1" is not one of those allowed: %2</source>
            <translation>giá trị "%1" không thuộc các giá trị được phép: %2</translation>
        </message>
        <message>
            <source>write "all" or a list of post ids here, not %1</source>
            <translation>ở đây ghi "all" hoặc danh sách mã cương vị, không phải %1</translation>
        </message>
        <message>
            <source>every post weighs 0: give at least one a weight above 0</source>
            <translation>mọi cương vị đều có trọng số 0: hãy cho ít nhất một cương vị trọng số lớn hơn 0</translation>
        </message>
        <message>
            <source>the last rating must start at 0, not %1</source>
            <translation>mức xếp loại cuối phải bắt đầu từ 0, không phải %1</translation>
        </message>
        <message>
            <source>the rating's min %1 is above the scale's max %2</source>
            <translation>điểm tối thiểu %1 của mức xếp loại vượt điểm tối đa %2 của thang</translation>
        </message>
        <message>
            <source>the rating's min %1 must be below the min %2 of the rating before it</source>
            <translation>điểm tối thiểu %1 phải nhỏ hơn điểm tối thiểu %2 của mức xếp loại trước</translation>
        </message>
        <message>
            <source>(scenario)</source>
            <translation>(kịch bản)</translation>
        </message>
        <message>
            <source>(scenario %1)</source>
            <translation>(kịch bản %1)</translation>
        </message>
        <message>
            <source>the scenario inside the kit cannot be used: %1</source>
            <translation>kịch bản trong bộ phiếu không dùng được: %1</translation>
        </message>
        <message>
            <source>the scenario inside the exercise file cannot be used: %1</source>
            <translation>kịch bản trong tệp diễn tập không dùng được: %1</translation>
        </message>
        <message>
            <source>there is no %what "%1" (there is no %what at all)</source>
            <translation>không có %what "%1" (chưa có %what nào)</translation>
        </message>
        <message>
            <source>cannot read the file (%1)</source>
            <translation>không đọc được tệp (%1)</translation>
        </message>
        <message>
            <source>this file is a link to a file outside the scenario's folder</source>
            <translation>tệp này là liên kết tới một tệp nằm ngoài thư mục của kịch bản</translation>
        </message>
        <message>
            <source>there is no built-in scenario with this id and no file of this name (built-in: %1)</source>
            <translation>không có kịch bản có sẵn nào mang mã này, cũng không có tệp nào tên như vậy (các kịch bản có sẵn: %1)</translation>
        </message>
        <message>
            <source>this is not a valid observer kit (kit version %1)</source>
            <translation>đây không phải bộ phiếu đánh giá hợp lệ (phiên bản bộ phiếu %1)</translation>
        </message>
        <message>
            <source>the kit must describe exactly one exercise (it describes %1)</source>
            <translation>bộ phiếu phải ghi đúng một cuộc diễn tập (đang ghi %1)</translation>
        </message>
        <message>
            <source>the kit must hold exactly one scenario (it holds %1)</source>
            <translation>bộ phiếu phải chứa đúng một kịch bản (đang chứa %1)</translation>
        </message>
        <message>
            <source>the kit names the scenario "%1" but holds "%2"</source>
            <translation>bộ phiếu ghi kịch bản "%1" nhưng lại chứa kịch bản "%2"</translation>
        </message>
        <message>
            <source>"%1" is not a date</source>
            <translation>"%1" không phải là ngày hợp lệ</translation>
        </message>
        <message>
            <source>the exercise status "%1" is not known</source>
            <translation>trạng thái cuộc diễn tập "%1" không hợp lệ</translation>
        </message>
        <message>
            <source>the kit gives no post to score</source>
            <translation>bộ phiếu không giao cương vị nào để chấm</translation>
        </message>
        <message>
            <source>the text is longer than %1 characters</source>
            <translation>văn bản dài quá %1 ký tự</translation>
        </message>
        <message>
            <source>the text holds a NUL character</source>
            <translation>văn bản chứa ký tự NUL</translation>
        </message>
        <message>
            <source>the note kind "%1" is not known (the kinds are: %2)</source>
            <translation>loại nhận xét "%1" không hợp lệ (các loại: %2)</translation>
        </message>
        <message>
            <source>the scenario cannot be copied into a kit without changing it</source>
            <translation>không chép được kịch bản vào bộ phiếu mà vẫn giữ nguyên nội dung</translation>
        </message>
        <message>
            <source>no post is chosen</source>
            <translation>chưa chọn cương vị nào</translation>
        </message>
        <message>
            <source>the kit cannot be written (%1)</source>
            <translation>không ghi được vào bộ phiếu (%1)</translation>
        </message>
        <message>
            <source>the kit is open read-only</source>
            <translation>bộ phiếu đang mở ở chế độ chỉ đọc</translation>
        </message>
        <message>
            <source>the note is empty</source>
            <translation>nhận xét đang để trống</translation>
        </message>
        <message>
            <source>the note is longer than %1 characters</source>
            <translation>nhận xét dài quá %1 ký tự</translation>
        </message>
        <message>
            <source>a cell is longer than %1 characters</source>
            <translation>có ô dài quá %1 ký tự</translation>
        </message>
        <message>
            <source>%1 is not a time</source>
            <translation>%1 không phải là thời điểm hợp lệ</translation>
        </message>
        <message>
            <source>%1 is not a number</source>
            <translation>%1 không phải là số</translation>
        </message>
        <message>
            <source>there is no inject "%1"</source>
            <translation>không có tình huống "%1"</translation>
        </message>
        <message>
            <source>the file is too large (%1 bytes; at most %2 MB)</source>
            <translation>tệp quá lớn (%1 byte; tối đa %2 MB)</translation>
        </message>
        <message>
            <source>the text holds an invalid Unicode character</source>
            <translation>văn bản có ký tự Unicode không hợp lệ</translation>
        </message>
        <message>
            <source>a reference (*) points to the list or fields that contain it</source>
            <translation>một tham chiếu (*) trỏ tới chính danh sách hoặc nhóm trường chứa nó</translation>
        </message>
        <message>
            <source>too many values repeated through references (*): more than %1</source>
            <translation>quá nhiều giá trị được lặp lại qua tham chiếu (*): hơn %1</translation>
        </message>
        <message>
            <source>lists and fields are nested too deeply (more than %1 levels)</source>
            <translation>danh sách và trường lồng nhau quá sâu (hơn %1 cấp)</translation>
        </message>
        <message>
            <source>the YAML tag "%1" is not allowed (only text, numbers, yes/no values, lists and fields)</source>
            <translation>thẻ YAML "%1" không được phép (chỉ dùng văn bản, số, giá trị đúng/sai, danh sách và trường)</translation>
        </message>
        <message>
            <source>a field name must be plain text, not %1</source>
            <translation>tên trường phải là văn bản thường, không phải %1</translation>
        </message>
        <message>
            <source>"&lt;&lt;" must merge fields (name: value), not %1</source>
            <translation>"&lt;&lt;" phải gộp các trường (tên: giá trị), không phải %1</translation>
        </message>
        <message>
            <source>the file must hold the scenario's fields (format, id, title, ...), not %1</source>
            <translation>tệp phải chứa các trường của kịch bản (format, id, title, ...), không phải %1</translation>
        </message>
        <message>
            <source>the state is empty (write readiness, locality or both)</source>
            <translation>trạng thái đang để trống (ghi readiness, locality hoặc cả hai)</translation>
        </message>
        <message>
            <source>the scale's max %1 is below the min %2 of the default ratings (write scale.ratings too)</source>
            <translation>điểm tối đa %1 của thang thấp hơn điểm tối thiểu %2 của các mức xếp loại mặc định (hãy ghi thêm scale.ratings)</translation>
        </message>
        <message>
            <source>the rating's min %1 is above the scale's max %2 (the default max)</source>
            <translation>điểm tối thiểu %1 của mức xếp loại vượt điểm tối đa %2 (mặc định) của thang</translation>
        </message>
        <message>
            <source>the file "%1" leads out of the scenario's folder (".." is not allowed)</source>
            <translation>tệp "%1" dẫn ra ngoài thư mục của kịch bản (không được dùng "..")</translation>
        </message>
        <message>
            <source>the file "%1" is a link to "%2", outside the scenario's folder: copy the file into the folder</source>
            <translation>tệp "%1" là liên kết tới "%2", nằm ngoài thư mục của kịch bản: hãy chép tệp đó vào thư mục của kịch bản</translation>
        </message>
        <message>
            <source>the text is not in UTF-8 (byte %1): save the file as UTF-8</source>
            <translation>văn bản không ở mã UTF-8 (byte %1): hãy lưu tệp dưới dạng UTF-8</translation>
        </message>
        <message>
            <source>it is empty</source>
            <translation>đang để trống</translation>
        </message>
        <message>
            <source>binary data</source>
            <translation>dữ liệu nhị phân</translation>
        </message>
        <message>
            <source>no permission to read it</source>
            <translation>không có quyền đọc</translation>
        </message>
        <message>
            <source>this is a folder, not a file</source>
            <translation>đây là thư mục, không phải tệp</translation>
        </message>
        <message>
            <source>a folder in the path is a file</source>
            <translation>một thư mục trong đường dẫn lại là tệp</translation>
        </message>
        <message>
            <source>the disk cannot be read</source>
            <translation>không đọc được ổ đĩa</translation>
        </message>
        <message>
            <source>the file name is too long</source>
            <translation>tên tệp quá dài</translation>
        </message>
        <message>
            <source>the links lead round in a loop</source>
            <translation>các liên kết tạo thành vòng lặp</translation>
        </message>
        <message>
            <source>a tab character in the indentation: indent with spaces only</source>
            <translation>có ký tự tab trong phần thụt lề: chỉ thụt lề bằng dấu cách</translation>
        </message>
        <message>
            <source>a list in [ ] lacks a "," or its closing "]"</source>
            <translation>danh sách trong [ ] thiếu dấu "," hoặc dấu đóng "]"</translation>
        </message>
        <message>
            <source>fields in { } lack a "," or the closing "}"</source>
            <translation>các trường trong { } thiếu dấu "," hoặc dấu đóng "}"</translation>
        </message>
        <message>
            <source>a "*" refers to an anchor (&amp;) that does not exist: put text that starts with * in quotes</source>
            <translation>dấu "*" tham chiếu tới một neo (&amp;) không có: văn bản bắt đầu bằng * phải đặt trong ngoặc kép</translation>
        </message>
        <message>
            <source>two anchors (&amp;) have the same name</source>
            <translation>có hai neo (&amp;) trùng tên</translation>
        </message>
        <message>
            <source>the file holds more than one document: remove the second "---"</source>
            <translation>tệp có nhiều hơn một tài liệu: hãy bỏ dòng "---" thứ hai</translation>
        </message>
        <message>
            <source>a "\" in double quotes starts an unknown code: write "\\" or use single quotes</source>
            <translation>dấu "\" trong ngoặc kép mở đầu một mã không hợp lệ: hãy viết "\\" hoặc dùng ngoặc đơn</translation>
        </message>
        <message>
            <source>a \x, \u or \U code in double quotes is not valid</source>
            <translation>mã \x, \u hoặc \U trong ngoặc kép không hợp lệ</translation>
        </message>
        <message>
            <source>the text holds a control character, which is not allowed</source>
            <translation>văn bản có ký tự điều khiển (không được phép)</translation>
        </message>
        <message>
            <source>a YAML directive (a line that starts with %) is written wrongly</source>
            <translation>chỉ thị YAML (dòng bắt đầu bằng %) viết sai</translation>
        </message>
        <message>
            <source>the name of an anchor (&amp;) or reference (*) is written wrongly: put text that starts with &amp; or * in quotes</source>
            <translation>tên neo (&amp;) hoặc tham chiếu (*) viết sai: văn bản bắt đầu bằng &amp; hoặc * phải đặt trong ngoặc kép</translation>
        </message>
        <message>
            <source>a YAML tag (!) is written wrongly</source>
            <translation>thẻ YAML (!) viết sai</translation>
        </message>
        <message>
            <source>a block of text (| or &gt;) is written wrongly</source>
            <translation>khối văn bản (| hoặc &gt;) viết sai</translation>
        </message>
        <message>
            <source>a value is missing, or starts with a character not allowed here</source>
            <translation>thiếu giá trị, hoặc giá trị bắt đầu bằng ký tự không được phép ở đây</translation>
        </message>
        <message>
            <source>the lines at the top level are not aligned: start them at the beginning of the line</source>
            <translation>các dòng ở mức ngoài cùng không thẳng hàng: hãy viết sát lề trái</translation>
        </message>
        <message>
            <source>a list item "-" is not allowed here</source>
            <translation>mục danh sách "-" không được đặt ở đây</translation>
        </message>
        <message>
            <source>a "?" is not allowed here</source>
            <translation>dấu "?" không được đặt ở đây</translation>
        </message>
        <message>
            <source>a "---" or "..." line is not allowed here</source>
            <translation>dòng "---" hoặc "..." không được đặt ở đây</translation>
        </message>
        <message>
            <source>the file ends in the middle of a value</source>
            <translation>tệp kết thúc khi một giá trị còn dở</translation>
        </message>
        <message>
            <source>something follows a value on its line</source>
            <translation>có nội dung thừa sau giá trị trên cùng dòng</translation>
        </message>
        <message>
            <source>score of criterion "%1" for post "%2"</source>
            <translation>điểm tiêu chí "%1" của cương vị "%2"</translation>
        </message>
        <message>
            <source>comment on the score of criterion "%1" for post "%2"</source>
            <translation>ghi chú kèm điểm tiêu chí "%1" của cương vị "%2"</translation>
        </message>
        <message>
            <source>entry time of the score of criterion "%1" for post "%2"</source>
            <translation>thời điểm nhập điểm tiêu chí "%1" của cương vị "%2"</translation>
        </message>
        <message>
            <source>note %1</source>
            <translation>nhận xét %1</translation>
        </message>
        <message>
            <source>text of note %1</source>
            <translation>nội dung nhận xét %1</translation>
        </message>
        <message>
            <source>inject of note %1</source>
            <translation>tình huống của nhận xét %1</translation>
        </message>
        <message>
            <source>post of note %1</source>
            <translation>cương vị của nhận xét %1</translation>
        </message>
        <message>
            <source>the time "%1" is not valid (write "HH:MM" with minutes below 60, or whole minutes)</source>
            <translation>thời điểm "%1" không hợp lệ (ghi theo dạng "HH:MM", số phút nhỏ hơn 60, hoặc ghi số phút nguyên)</translation>
        </message>
        <message>
            <source>the score is empty: type it, or delete the line</source>
            <translation>ô điểm còn trống: gõ điểm vào, hoặc xóa dòng này</translation>
        </message>
        <message>
            <source>the first line separates the columns with tabs: separate "%1" with commas (or semicolons)</source>
            <translation>dòng đầu ngăn cách các cột bằng dấu tab: hãy ngăn cách "%1" bằng dấu phẩy (hoặc dấu chấm phẩy)</translation>
        </message>
        <message>
            <source>the first line separates the columns with "%1": separate "%2" with commas (or semicolons)</source>
            <translation>dòng đầu ngăn cách các cột bằng "%1": hãy ngăn cách "%2" bằng dấu phẩy (hoặc dấu chấm phẩy)</translation>
        </message>
        <message>
            <source>the decision's time %1 is before the inject was delivered (%2)</source>
            <translation>thời điểm xử trí %1 sớm hơn lúc phát tình huống (%2)</translation>
        </message>
        <message>
            <source>the decision's time %1 has not come yet (it is now %2)</source>
            <translation>thời điểm xử trí %1 chưa tới (bây giờ là %2)</translation>
        </message>
        <message>
            <source>"%1" beside it holds changes of another file (was a copy put in its place?): close the program, move "%2" and "%3" to another folder, then open the file again</source>
            <translation>tệp "%1" bên cạnh chứa thay đổi của một tệp khác (có phải một bản sao đã được chép vào chỗ của tệp này?): hãy đóng chương trình, chuyển "%2" và "%3" sang thư mục khác rồi mở lại tệp</translation>
        </message>
        <message>
            <source>the file cannot be written (%1)</source>
            <translation>không ghi được vào tệp (%1)</translation>
        </message>
        <message>
            <source>the file cannot be used (%1)</source>
            <translation>không dùng được tệp (%1)</translation>
        </message>
        <message>
            <source>its last changes are still in %1 and its folder cannot be written (a read-only disk or folder): copy the file with %1 to a folder that can be written, and open it there</source>
            <translation>những thay đổi cuối cùng của tệp vẫn nằm trong %1 và thư mục chứa tệp không ghi được (ổ đĩa hoặc thư mục chỉ đọc): hãy chép tệp cùng với %1 sang một thư mục ghi được rồi mở ở đó</translation>
        </message>
        <message>
            <source>this is an exercise file: a kit never replaces one; choose another name</source>
            <translation>đây là tệp diễn tập: bộ phiếu không bao giờ được ghi đè lên tệp diễn tập; hãy chọn tên khác</translation>
        </message>
        <message>
            <source>the field "%1" is not in the format: did you mean "%2"? (fields of your own start with x-)</source>
            <translation>trường "%1" không có trong định dạng: có phải là "%2" không? (trường riêng phải bắt đầu bằng x-)</translation>
        </message>
        <message>
            <source>the field "%1" is not in the format (the fields here: %2; fields of your own start with x-)</source>
            <translation>trường "%1" không có trong định dạng (các trường ở đây: %2; trường riêng phải bắt đầu bằng x-)</translation>
        </message>
        <message>
            <source>the kit is for the scenario "%1"; the exercise open runs "%2"</source>
            <translation>bộ phiếu đánh giá dùng kịch bản "%1", cuộc diễn tập đang mở dùng kịch bản "%2"</translation>
        </message>
        <message>
            <source>the kit gives the post "%1" to score, which the exercise does not have</source>
            <translation>bộ phiếu đánh giá giao chấm cương vị "%1", cương vị này không có trong cuộc diễn tập</translation>
        </message>
        <message>
            <source>the file is damaged, unless "%2" beside it holds changes of another file (was a copy put in its place?): close the program, move "%3" and "%4" to another folder, then open the file again</source>
            <translation>tệp đã bị hỏng, trừ khi tệp "%2" bên cạnh chứa thay đổi của một tệp khác (có phải một bản sao đã được chép vào chỗ của tệp này?): hãy đóng chương trình, chuyển "%3" và "%4" sang thư mục khác rồi mở lại tệp</translation>
        </message>
        <message>
            <source>the disk is full; make room on it, then try again</source>
            <translation>ổ đĩa đã đầy; hãy dọn bớt cho có chỗ trống rồi thử lại</translation>
        </message>
        <message>
            <source>the disk cannot be read or written; check the disk or the USB stick, then try again</source>
            <translation>không đọc hoặc ghi được ổ đĩa; hãy kiểm tra ổ đĩa hoặc USB rồi thử lại</translation>
        </message>
        <message>
            <source>the file is in use by another program; close it there, then try again</source>
            <translation>tệp đang được một chương trình khác sử dụng; hãy đóng tệp ở chương trình đó rồi thử lại</translation>
        </message>
        <message>
            <source>not enough memory to read the file; close other programs, then try again</source>
            <translation>không đủ bộ nhớ để đọc tệp; hãy đóng bớt các chương trình khác rồi thử lại</translation>
        </message>
        <message>
            <source>the file is damaged and cannot be read; open a copy of it instead</source>
            <translation>tệp đã bị hỏng, không đọc được; hãy mở một bản sao của tệp thay cho tệp này</translation>
        </message>
        <message>
            <source>inject no. %1</source>
            <translation>tình huống thứ %1</translation>
        </message>
        <message>
            <source>post no. %1</source>
            <translation>cương vị thứ %1</translation>
        </message>
        <message>
            <source>phase no. %1</source>
            <translation>bước thứ %1</translation>
        </message>
        <message>
            <source>criterion no. %1</source>
            <translation>tiêu chí thứ %1</translation>
        </message>
        <message>
            <source>the score "%1" has its decimal comma outside quotes, which splits it into two columns: write "%2" in quotes, or %3</source>
            <translation>điểm "%1" có dấu phẩy thập phân nằm ngoài dấu ngoặc kép nên bị tách thành hai cột: hãy viết "%2" trong dấu ngoặc kép, hoặc %3</translation>
        </message>
        <message>
            <source>this is not a file that can be read (a pipe or a device)</source>
            <translation>đây không phải là tệp đọc được (một đường ống hoặc một thiết bị)</translation>
        </message>
        <message>
            <source>the text %1 (write decimals with a dot: %2)</source>
            <translation>văn bản %1 (số thập phân viết bằng dấu chấm: %2)</translation>
        </message>
        <message>
            <source>the text %1 (write the number without quotes: %2)</source>
            <translation>văn bản %1 (viết số không có dấu ngoặc kép: %2)</translation>
        </message>
        <message>
            <source>the file is no longer where it was opened (deleted, renamed, or its disk removed): nothing more can be written to it</source>
            <translation>tệp không còn ở chỗ đã mở (bị xóa, đổi tên, hoặc ổ đĩa bị rút ra): không ghi thêm được gì vào đó nữa</translation>
        </message>
        <message>
            <source>the file name "%1" holds a control character, which no file name can hold</source>
            <translation>tên tệp "%1" chứa ký tự điều khiển, không tên tệp nào được chứa</translation>
        </message>
        <message>
            <source>this kit was merged before with the observer "%1" and now names the observer "%2": the observer of a kit cannot change (was the kit edited outside the program?)</source>
            <translation>bộ phiếu này đã được gộp trước đây với người đánh giá "%1", nay lại ghi người đánh giá "%2": người đánh giá của một bộ phiếu không thể đổi (bộ phiếu đã bị sửa ngoài chương trình?)</translation>
        </message>
        <message>
            <source>a quote (") is misplaced in %1 («%2»): quotes go around a whole cell, as in %3, and a quote inside a cell is typed twice ("")</source>
            <translation>dấu ngoặc kép (") đặt sai chỗ trong %1 («%2»): dấu ngoặc kép phải bao quanh cả ô, như %3, còn dấu ngoặc kép nằm trong ô thì gõ hai lần ("")</translation>
        </message>
        <message>
            <source>a quote (") opens %1 and is never closed: close it at the end of the cell, as in %2</source>
            <translation>%1 có dấu ngoặc kép (") mở mà không đóng: hãy thêm dấu ngoặc kép đóng ở cuối ô, như %2</translation>
        </message>
        <message>
            <source>a quote (") opens %1 and is never closed, so the rest of the file, lines %2 to %3, was read as that one cell: close it at the end of the cell, as in %4</source>
            <translation>%1 có dấu ngoặc kép (") mở mà không đóng, nên toàn bộ phần còn lại của tệp, từ dòng %2 đến dòng %3, bị đọc thành nội dung của ô đó: hãy thêm dấu ngoặc kép đóng ở cuối ô, như %4</translation>
        </message>
        <message>
            <source>a quote (") opens %1 and is not closed on this line, so lines %2 to %3 were read as that one cell: close it at the end of the cell, as in %4</source>
            <translation>%1 có dấu ngoặc kép (") mở mà không đóng trên dòng này, nên các dòng từ %2 đến %3 bị đọc thành nội dung của ô đó: hãy thêm dấu ngoặc kép đóng ở cuối ô, như %4</translation>
        </message>
        <message>
            <source>the quotes (") of this line cannot be read</source>
            <translation>không đọc được các dấu ngoặc kép (") của dòng này</translation>
        </message>
        <message>
            <source>the %1 cell</source>
            <translation>ô «%1»</translation>
        </message>
        <message>
            <source>cell %1</source>
            <translation>ô thứ %1</translation>
        </message>
        <message>
            <source>the header has %1 columns and this line %2</source>
            <translation>dòng đầu có %1 cột, còn dòng này có %2 cột</translation>
        </message>
        <message>
            <source>this line separates its columns with semicolons and the header with commas: use the same in every line</source>
            <translation>dòng này ngăn cách các cột bằng dấu chấm phẩy, còn dòng đầu bằng dấu phẩy: hãy dùng cùng một dấu cho mọi dòng</translation>
        </message>
        <message>
            <source>this line separates its columns with commas and the header with semicolons: use the same in every line</source>
            <translation>dòng này ngăn cách các cột bằng dấu phẩy, còn dòng đầu bằng dấu chấm phẩy: hãy dùng cùng một dấu cho mọi dòng</translation>
        </message>
        <message>
            <source>this is a spreadsheet workbook, not a CSV file: in Excel, save it as "CSV UTF-8"</source>
            <translation>đây là tệp bảng tính, không phải tệp CSV: trong Excel, hãy lưu lại dưới dạng "CSV UTF-8"</translation>
        </message>
        <message>
            <source>this is a file, not a folder</source>
            <translation>đây là tệp, không phải thư mục</translation>
        </message>
        <message>
            <source>this is a folder; give the new file's name</source>
            <translation>đây là thư mục; hãy đặt tên cho tệp mới</translation>
        </message>
        <message>
            <source>the folder is on a read-only disk</source>
            <translation>thư mục nằm trên ổ đĩa chỉ đọc</translation>
        </message>
        <message>
            <source>the file name is too long; choose a shorter name</source>
            <translation>tên tệp quá dài; hãy chọn tên ngắn hơn</translation>
        </message>
        <message>
            <source>a "-" that starts a list item must be followed by a space</source>
            <translation>sau dấu "-" mở đầu một mục danh sách phải có dấu cách</translation>
        </message>
        <message>
            <source>the value holds ": ", which YAML reads as another field: put the whole value in quotes</source>
            <translation>giá trị có ": " nên YAML hiểu thành một trường khác: hãy đặt cả giá trị trong ngoặc kép</translation>
        </message>
        <message>
            <source>the line is indented further than the line above it: align it with the fields it belongs with</source>
            <translation>dòng này thụt lề sâu hơn dòng trên: hãy viết thẳng hàng với các trường cùng cấp</translation>
        </message>
        <message>
            <source>the line is not aligned with the fields above it: check its indentation</source>
            <translation>dòng này không thẳng hàng với các trường ở trên: hãy kiểm tra thụt lề</translation>
        </message>
        <message>
            <source>the line is not aligned with the list items above it: start a new item with "- ", or indent it as the other fields of its item</source>
            <translation>dòng này không thẳng hàng với các mục danh sách ở trên: mục mới phải bắt đầu bằng "- ", còn trường của một mục phải thụt lề như các trường khác của mục đó</translation>
        </message>
        <message>
            <source>the line has no ":" after its field name (a text that goes on from the line above must be indented further)</source>
            <translation>dòng này thiếu dấu ":" sau tên trường (nếu là phần tiếp theo của văn bản ở dòng trên thì phải thụt lề sâu hơn)</translation>
        </message>
        <message>
            <source>the quote (%1) opened on this line is never closed</source>
            <translation>dấu ngoặc (%1) mở ở dòng này không được đóng lại</translation>
        </message>
        <message>
            <source>the quote (%1) opened on this line is closed only on line %2: close it on this line</source>
            <translation>dấu ngoặc (%1) mở ở dòng này mà đến dòng %2 mới đóng: hãy đóng ngay trên dòng này</translation>
        </message>
        <message>
            <source>a value cannot start with "%1": put the text in quotes</source>
            <translation>giá trị không được bắt đầu bằng "%1": hãy đặt văn bản trong ngoặc kép</translation>
        </message>
        <message>
            <source>the line holds an invisible line break (%1) after "%2", which YAML takes for the end of the line: delete it</source>
            <translation>dòng này có một dấu xuống dòng không nhìn thấy được (%1) sau "%2", YAML coi đó là hết dòng: hãy xóa nó đi</translation>
        </message>
        <message>
            <source>the alias "%1" repeats too much text: written out, the file's text would pass %2 characters</source>
            <translation>tham chiếu "%1" lặp lại quá nhiều văn bản: nếu viết đầy đủ, văn bản của tệp sẽ vượt quá %2 ký tự</translation>
        </message>
        <message>
            <source>the scale's max is %1, not 10, and it gives no ratings: the default ratings apply as they are (%2), not scaled to it; write scale.ratings for this scale</source>
            <translation>điểm tối đa của thang là %1, không phải 10, mà không ghi các mức xếp loại: các mức xếp loại mặc định được áp dụng nguyên như vậy (%2), không quy đổi theo thang này; hãy ghi scale.ratings cho thang điểm này</translation>
        </message>
        <message>
            <source>and %1 more problems like these</source>
            <translation>và %1 lỗi tương tự khác</translation>
        </message>
        <message>
            <source>criterion %1 is not scored for post %2</source>
            <translation>tiêu chí %1 không chấm cho cương vị %2</translation>
        </message>
        <message>
            <source>the score %1 is below 0 (criterion %2)</source>
            <translation>điểm %1 nhỏ hơn 0 (tiêu chí %2)</translation>
        </message>
        <message>
            <source>the score %1 is over the maximum %2 of criterion %3</source>
            <translation>điểm %1 vượt điểm tối đa %2 của tiêu chí %3</translation>
        </message>
        <message>
            <source>a second score of criterion %1 for post %2 by "%3" (the first is on line %4)</source>
            <translation>điểm thứ hai của tiêu chí %1 cho cương vị %2 do "%3" chấm (điểm đầu ở dòng %4)</translation>
        </message>
    </context>
    <context>
        <name>CriteriaModel</name>
        <message>
            <source>No.</source>
            <translation>TT</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Tiêu chí</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Tối đa</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>Trung bình</translation>
        </message>
        <message>
            <source>The observers disagree: their scores are more than a quarter of the maximum apart. Check with them.</source>
            <translation>Người đánh giá chấm chênh lệch: điểm cách nhau hơn một phần tư điểm tối đa. Hãy trao đổi lại với họ.</translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>còn thiếu %n tiêu chí</numerusform>
            </translation>
        </message>
        <message>
            <source>Whole exercise: %1 — %2</source>
            <translation>Toàn cuộc diễn tập: %1 — %2</translation>
        </message>
        <message numerus="yes">
            <source>Whole exercise: not complete (%n post(s) still miss scores)</source>
            <translation>
                <numerusform>Toàn cuộc diễn tập: chưa đủ điểm (còn %n cương vị thiếu điểm)</numerusform>
            </translation>
        </message>
        <message>
            <source>Scores by criterion: %1</source>
            <translation>Điểm từng tiêu chí: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n criterion(s) where the observers disagree</source>
            <translation>
                <numerusform>%n tiêu chí người đánh giá chấm chênh lệch</numerusform>
            </translation>
        </message>
        <message>
            <source>No score yet. Make the observers' kits (Ctrl+Shift+K) and merge them when they come back (Ctrl+Shift+M), import the scores typed from paper (Ctrl+Shift+I), or type a paper sheet in here (Ctrl+Shift+P).</source>
            <translation>Chưa có điểm. Lập bộ phiếu cho người đánh giá (Ctrl+Shift+K), gộp lại khi họ nộp (Ctrl+Shift+M), nhập điểm chấm trên giấy từ tệp CSV (Ctrl+Shift+I), hoặc nhập thẳng từng phiếu chấm giấy tại đây (Ctrl+Shift+P).</translation>
        </message>
        <message>
            <source>Type in or correct a sheet…</source>
            <translation>Nhập hoặc sửa phiếu chấm…</translation>
        </message>
        <message>
            <source>An observer's scores of this post, typed in from paper, corrected or taken back (Ctrl+Shift+P; Enter or a double click on a score opens it there)</source>
            <translation>Điểm của một người đánh giá cho cương vị này: nhập từ phiếu giấy, sửa hoặc bỏ điểm (Ctrl+Shift+P; nhấn Enter hoặc nháy đúp vào một điểm để mở đúng chỗ đó)</translation>
        </message>
        <message>
            <source>Scores by criterion</source>
            <translation>Điểm từng tiêu chí</translation>
        </message>
        <message>
            <source>What the observers noted for the after-action report, as their kits brought it. A note taken back leaves the reports and stays in the file and the log.</source>
            <translation>Nhận xét của người đánh giá cho báo cáo rút kinh nghiệm, theo các bộ phiếu đã gộp. Nhận xét bị rút không còn trong báo cáo, nhưng vẫn được giữ trong tệp và trong nhật ký.</translation>
        </message>
        <message>
            <source>Take the note back…</source>
            <translation>Rút nhận xét…</translation>
        </message>
        <message>
            <source>The note under the cursor (Delete)</source>
            <translation>Nhận xét đang chọn (phím Delete)</translation>
        </message>
        <message>
            <source>Take the note back</source>
            <translation>Rút nhận xét</translation>
        </message>
        <message>
            <source>Take back this note of %1 from the after-action report?

“%2”

It stays in the exercise file, with a line in the log.</source>
            <translation>Rút nhận xét này của %1 khỏi báo cáo rút kinh nghiệm?

“%2”

Nhận xét vẫn được giữ trong tệp diễn tập, kèm một dòng trong nhật ký.</translation>
        </message>
        <message>
            <source>Take it back</source>
            <translation>Rút nhận xét</translation>
        </message>
        <message>
            <source>Keep it</source>
            <translation>Giữ lại</translation>
        </message>
        <message numerus="yes">
            <source>Observers' notes (%n)</source>
            <translation>
                <numerusform>Nhận xét của người đánh giá (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SheetView</name>
        <message>
            <source>Not saved: %1</source>
            <translation>Chưa lưu: %1</translation>
        </message>
        <message>
            <source>&amp;Take back the score</source>
            <translation>&amp;Bỏ điểm đã chấm</translation>
        </message>
        <message>
            <source>&amp;Delete the comment</source>
            <translation>&amp;Xóa ghi chú</translation>
        </message>
        <message>
            <source>Score %1 of criterion %2 taken back with its comment; both stay in the history.</source>
            <translation>Đã bỏ điểm %1 của tiêu chí %2 cùng ghi chú kèm điểm; cả hai vẫn được lưu trong lịch sử.</translation>
        </message>
        <message>
            <source>Score %1 of criterion %2 taken back; it stays in the history.</source>
            <translation>Đã bỏ điểm %1 của tiêu chí %2 (điểm cũ vẫn được lưu trong lịch sử).</translation>
        </message>
        <message>
            <source>Comment of criterion %2 deleted; it stays in the history: “%1”.</source>
            <translation>Đã xóa ghi chú của tiêu chí %2 (ghi chú cũ vẫn được lưu trong lịch sử): “%1”.</translation>
        </message>
        <message>
            <source>A score from 0 to %1 for this criterion (a decimal with , or .)</source>
            <translation>Tiêu chí này chấm từ 0 đến %1 điểm (điểm thập phân viết với dấu phẩy hoặc dấu chấm)</translation>
        </message>
        <message>
            <source>Give criterion %1 a score first: its comment goes with the score.</source>
            <translation>Hãy chấm điểm tiêu chí %1 trước: ghi chú đi kèm với điểm.</translation>
        </message>
        <message>
            <source>The comment typed on this sheet before the program last closed could not be put back, as its criterion has no score now: “%1”.</source>
            <translation>Không thể đưa lại ghi chú đã gõ dở trên phiếu này trước khi chương trình đóng lần trước, vì tiêu chí của nó nay chưa có điểm: “%1”.</translation>
        </message>
        <message>
            <source>The comment typed on criterion %1 before the program last closed, and not entered, is back in its cell: Enter saves it, Escape drops it.</source>
            <translation>Ghi chú gõ dở ở tiêu chí %1 trước khi chương trình đóng lần trước, chưa được lưu, đã hiện lại trong ô: nhấn Enter để lưu, Esc để bỏ.</translation>
        </message>
    </context>
    <context>
        <name>PaperSheetDialog</name>
        <message>
            <source>An observer's scoring sheet</source>
            <translation>Phiếu chấm của người đánh giá</translation>
        </message>
        <message>
            <source>Type in the scores of an observer's paper sheet, or correct them. Every entry is saved in the exercise at once; a corrected or taken back score stays in its history and in the log.</source>
            <translation>Nhập điểm từ phiếu chấm giấy của một người đánh giá, hoặc sửa điểm. Mỗi lần nhập được lưu ngay vào tệp diễn tập; điểm đã sửa hoặc đã bỏ vẫn được giữ trong lịch sử và trong nhật ký.</translation>
        </message>
        <message>
            <source>An observer already known, or a new name</source>
            <translation>Người đánh giá đã có, hoặc gõ tên người mới</translation>
        </message>
        <message>
            <source>&amp;Observer:</source>
            <translation>&amp;Người đánh giá:</translation>
        </message>
        <message>
            <source>&amp;Post:</source>
            <translation>&amp;Cương vị:</translation>
        </message>
        <message>
            <source>Type a score from 0 to the maximum (with , or .) and press Enter for the next criterion; Delete or an empty score takes it back.</source>
            <translation>Gõ điểm từ 0 đến điểm tối đa (dùng dấu , hoặc .) rồi nhấn Enter để sang tiêu chí sau; phím Delete hoặc để trống là bỏ điểm.</translation>
        </message>
        <message>
            <source>Type the observer's name first.</source>
            <translation>Hãy nhập tên người đánh giá trước.</translation>
        </message>
        <message>
            <source>“%1” is not known, and looks like “%2”, who is: check the spelling before typing the scores, or they go to a new observer.</source>
            <translation>Chưa có người đánh giá “%1”; tên này giống “%2” đã có: hãy kiểm tra chính tả trước khi nhập điểm, nếu không điểm sẽ được ghi cho một người đánh giá mới.</translation>
        </message>
        <message>
            <source>“%1” is a new observer: added with the first score typed.</source>
            <translation>“%1” là người đánh giá mới: được thêm vào khi nhập điểm đầu tiên.</translation>
        </message>
        <message>
            <source>This observer's total for the post: %1 / %2 — %3</source>
            <translation>Tổng điểm của người đánh giá này cho cương vị: %1 / %2 — %3</translation>
        </message>
        <message numerus="yes">
            <source>This observer's total for the post: not complete (%n criterion(s) missing)</source>
            <translation>
                <numerusform>Tổng điểm của người đánh giá này cho cương vị: chưa đủ (còn thiếu %n tiêu chí)</numerusform>
            </translation>
        </message>
        <message>
            <source>Player: %1</source>
            <translation>Người đảm nhiệm: %1</translation>
        </message>
        <message>
            <source>Ctrl+Page Down / Ctrl+Page Up: next / previous post</source>
            <translation>Ctrl+Page Down / Ctrl+Page Up: cương vị sau / trước</translation>
        </message>
        <message>
            <source>&amp;Scoring sheet</source>
            <translation>&amp;Phiếu chấm điểm</translation>
        </message>
        <message>
            <source>No&amp;tes</source>
            <translation>Nhận &amp;xét</translation>
        </message>
        <message>
            <source>Strengths, weaknesses and proposals for the after-action report, from this observer's paper: each note is added at once, in the observer's name, and the log says the directing staff typed it in.</source>
            <translation>Điểm mạnh, hạn chế và đề xuất cho báo cáo rút kinh nghiệm, theo phiếu giấy của người đánh giá này: mỗi nhận xét được thêm ngay, đứng tên người đánh giá, và nhật ký ghi rõ tổ đạo diễn đã nhập thay.</translation>
        </message>
        <message>
            <source>For &amp;which post:</source>
            <translation>Cương &amp;vị của nhận xét:</translation>
        </message>
        <message>
            <source>&amp;Add note</source>
            <translation>Thê&amp;m nhận xét</translation>
        </message>
        <message>
            <source>The note was not saved.</source>
            <translation>Chưa lưu được nhận xét.</translation>
        </message>
        <message>
            <source>Note added in the name of %1.</source>
            <translation>Đã thêm nhận xét đứng tên %1.</translation>
        </message>
    </context>
    <context>
        <name>ExerciseNotesModel</name>
        <message>
            <source>Observer</source>
            <translation>Người đánh giá</translation>
        </message>
    </context>
    <context>
        <name>LogText</name>
        <message>
            <source>Name</source>
            <translation>Tên cuộc diễn tập</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Địa điểm</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Issuing body</source>
            <translation>Cơ quan ban hành</translation>
        </message>
        <message>
            <source>Governing body</source>
            <translation>Cơ quan chủ quản</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>Người ký</translation>
        </message>
        <message>
            <source>%1 score(s) withdrawn as in the kit</source>
            <translation>rút %1 điểm như trong bộ phiếu</translation>
        </message>
        <message>
            <source>%1 note(s) withdrawn as in the kit</source>
            <translation>rút %1 nhận xét như trong bộ phiếu</translation>
        </message>
        <message>
            <source>%1 score(s) entered in the kit before the directing staff corrected or withdrew them, not used</source>
            <translation>%1 điểm nhập trong bộ phiếu trước khi tổ đạo diễn sửa hoặc rút, không dùng</translation>
        </message>
        <message>
            <source>%1 score(s) corrected in the exercise kept although the kit withdrew them</source>
            <translation>giữ %1 điểm đã sửa trong cuộc diễn tập dù bộ phiếu đã rút</translation>
        </message>
        <message>
            <source>%1 score(s) entered later than now (the kit's computer clock runs fast), not given priority</source>
            <translation>%1 điểm có giờ nhập muộn hơn giờ hiện tại (đồng hồ máy của bộ phiếu chạy nhanh), không được ưu tiên</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(trống)</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>chưa có</translation>
        </message>
        <message>
            <source>none</source>
            <translation>không</translation>
        </message>
        <message>
            <source>%1: %2 → %3</source>
            <translation>%1: %2 → %3</translation>
        </message>
        <message>
            <source>Kit of %1 merged (%2): %3 score(s) added, %4 replaced, %5 unchanged; %6 note(s) added</source>
            <translation>Gộp bộ phiếu của %1 (%2): thêm %3, thay %4, giữ nguyên %5 điểm; thêm %6 nhận xét</translation>
        </message>
        <message>
            <source>Exercise started</source>
            <translation>Bắt đầu diễn tập</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Tạm dừng</translation>
        </message>
        <message>
            <source>Resumed</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <source>Exercise finished</source>
            <translation>Kết thúc diễn tập</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1 withdrew the score of criterion %2 (before: %3)</source>
            <translation>%1 rút điểm tiêu chí %2 (trước: %3)</translation>
        </message>
        <message>
            <source>The directing staff withdrew %1's score of criterion %2 (before: %3)</source>
            <translation>Tổ đạo diễn rút điểm của %1, tiêu chí %2 (trước: %3)</translation>
        </message>
        <message>
            <source>Exercise «%1» created from the scenario «%2»</source>
            <translation>Lập cuộc diễn tập «%1» theo kịch bản «%2»</translation>
        </message>
        <message>
            <source>%1 (before: %2)</source>
            <translation>%1 (trước: %2)</translation>
        </message>
        <message>
            <source>Inject %1 delivered: %2</source>
            <translation>Phát tình huống %1: %2</translation>
        </message>
        <message>
            <source>Inject %1 skipped: %2</source>
            <translation>Bỏ qua tình huống %1: %2</translation>
        </message>
        <message>
            <source>Delivery of inject %1 undone: %2</source>
            <translation>Hoàn tác phát tình huống %1: %2</translation>
        </message>
        <message>
            <source>Skip of inject %1 undone: %2</source>
            <translation>Hoàn tác bỏ qua tình huống %1: %2</translation>
        </message>
        <message>
            <source>Observer added: %1</source>
            <translation>Thêm người đánh giá %1</translation>
        </message>
        <message>
            <source>%1 scored criterion %2: %3 (before: %4)</source>
            <translation>%1 chấm tiêu chí %2: %3 (trước: %4)</translation>
        </message>
        <message>
            <source>%1 scored criterion %2: %3</source>
            <translation>%1 chấm tiêu chí %2: %3</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>%1 withdrew a note (%2): %3</source>
            <translation>%1 rút nhận xét (%2): %3</translation>
        </message>
        <message>
            <source>(given at %1)</source>
            <translation>(xử trí lúc %1)</translation>
        </message>
        <message>
            <source>Kind: %1 → %2</source>
            <translation>Loại: %1 → %2</translation>
        </message>
        <message>
            <source>Text: «%1» → «%2»</source>
            <translation>Nội dung: «%1» → «%2»</translation>
        </message>
        <message>
            <source>Expected actions covered: %1 → %2</source>
            <translation>Đáp ứng nội dung đáp án: %1 → %2</translation>
        </message>
        <message>
            <source>Given at: %1 → %2</source>
            <translation>Thời điểm xử trí: %1 → %2</translation>
        </message>
        <message>
            <source>Signer's title</source>
            <translation>Chức danh người ký</translation>
        </message>
        <message>
            <source>%1 — typed in by the directing staff for %2: %3</source>
            <translation>%1 — tổ đạo diễn nhập thay %2: %3</translation>
        </message>
    </context>
    <context>
        <name>FileWatch</name>
        <message>
            <source>This is the name of the file that is gone: choose another name or folder for the copy.</source>
            <translation>Đây là tên của tệp đã không còn: hãy chọn tên hoặc thư mục khác cho bản sao.</translation>
        </message>
        <message>
            <source>This is the open file itself: choose another name or folder for the copy.</source>
            <translation>Đây chính là tệp đang mở: hãy chọn tên hoặc thư mục khác cho bản sao.</translation>
        </message>
        <message>
            <source>«%1» is open in another window: choose another name for the copy.</source>
            <translation>«%1» đang được mở trong một cửa sổ khác: hãy chọn tên khác cho bản sao.</translation>
        </message>
        <message>
            <source>The copy could not be saved.</source>
            <translation>Không lưu được bản sao.</translation>
        </message>
        <message>
            <source>Automatic copies</source>
            <translation>Bản sao tự động</translation>
        </message>
        <message>
            <source>No program on this computer opens folders. The automatic copies are in: %1</source>
            <translation>Máy này không có chương trình nào mở được thư mục. Các bản sao tự động nằm ở: %1</translation>
        </message>
    </context>
</TS>
