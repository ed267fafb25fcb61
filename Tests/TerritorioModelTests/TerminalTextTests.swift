import Testing
@testable import TerritorioModel

/// Text from outside reaches a terminal with every control character shown, never acted on; a
/// receipt's radicado must have the server's form.
@Suite struct TerminalTextTests {
    @Test func controlCharactersAreMadeVisible() {
        let hostile = "T\u{1B}]2;título\u{07}\u{1B}[2J\u{7F}\u{9B}31m\u{85}\u{202E}alreves\u{2066}\u{2069}\r\n\tfin"
        #expect(TerminalText.visible(hostile)
            == "T␛]2;título␇␛[2J␡‹U+009B›31m‹U+0085›‹U+202E›alreves‹U+2066›‹U+2069›␍␊␉fin")
        #expect(TerminalText.visible(hostile, keepingLineBreaks: true).hasSuffix("‹U+2069›␍\n\tfin"))
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in ["", "Ciudad Bolívar", "Niñas 👧🏽 y niños", "línea 1\nlínea 2", "עברית", "\u{200F}marca"] {
            #expect(TerminalText.visible(text, keepingLineBreaks: true) == text)
        }
    }

    @Test func jsonEscapesEveryControlCharacter() {
        #expect(JSONWriter.string(.string("a\u{1B}b\u{9B}c\u{85}d\u{202E}e\u{2069}fñ"))
            == #""a\u001bb\u009bc\u0085d\u202ee\u2069fñ""#)
    }

    @Test func aRadicadoHasTheServersForm() {
        for good in ["TER-2026-000001", "TER-1999-999999", "TER-2031-1000000"] { #expect(Radicado.isValid(good)) }
        for bad in ["", "TER-2026-00001", "TER-2026-0000000000001", "ter-2026-000001", "TER-2026-00000a", "TER_2026-000001",
                    "TER-2026-000001\u{1B}[2J", "TER-٢٠٢٦-000001", "TER-2026-000001 "] {
            #expect(!Radicado.isValid(bad), "\(bad)")
        }
    }
}
