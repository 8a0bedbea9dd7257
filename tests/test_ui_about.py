"""First run: the application's icon and name, and the About box with version and licences."""

from dientap_desktop import __version__
from tests.ui_support import answers, ui_settings, window  # noqa: F401


def test_about_names_the_version_and_every_licence(window, answers):
    window.act_about.trigger()
    [text] = answers.of("info")
    assert __version__ in text
    for licence in ("GNU GPL 3.0+", "SIL Open Font License 1.1", "GNU LGPL 3.0", "Apache 2.0"):
        assert licence in text


def test_the_application_has_its_icon_and_vietnamese_name(qapp):
    from dientap_desktop.app import install_translations, make_application

    app = make_application()
    install_translations(app, "vi")
    try:
        assert not app.windowIcon().isNull()
        assert app.applicationDisplayName() == "Điều hành diễn tập"
    finally:
        install_translations(app, "en")
    assert app.applicationDisplayName() == "Exercise director"
