import Testing
@testable import TerritorioModel

@Suite struct TextFoldingTests {
    @Test func removesAccentsAndCase() {
        #expect(TextFolding.fold("Ciudad Bolívar") == "ciudad bolivar")
        #expect(TextFolding.fold("ÁÉÍÓÚ Ü ç") == "aeiou u c")
        #expect(TextFolding.fold("IDIPRON") == "idipron")
    }

    @Test func foldsEñe() {
        #expect(TextFolding.fold("NIÑOS y niñas") == "ninos y ninas")
        #expect(TextFolding.fold("n\u{303}") == "n", "an already decomposed ñ")
    }

    @Test func collapsesAndTrimsWhitespace() {
        #expect(TextFolding.fold("  Rafael \t Uribe\n\nUribe  ") == "rafael uribe uribe")
        #expect(TextFolding.fold(" \t\n ") == "")
        #expect(TextFolding.fold("") == "")
    }

    @Test func keepsPunctuationAndOtherScripts() {
        #expect(TextFolding.fold("Línea 106 (24 h)") == "linea 106 (24 h)")
        #expect(TextFolding.fold("🦙 Ω") == "🦙 ω")
    }

    @Test func splitsWords() {
        #expect(TextFolding.words("¿Dónde está la Línea 106?") == ["donde", "esta", "la", "linea", "106"])
        #expect(TextFolding.words("violencia-mujer/peligro") == ["violencia", "mujer", "peligro"])
        #expect(TextFolding.words("'; DROP TABLE x; --") == ["drop", "table", "x"])
        #expect(TextFolding.words("?!.,;:()").isEmpty)
    }

    @Test func editDistance() {
        #expect(EditDistance.between("kenedy", "kennedy") == 1)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("bosa", "bosa") == 0)
        #expect(EditDistance.between("", "suba") == 4)
        #expect(EditDistance.between("suba", "") == 4)
        #expect(EditDistance.between("", "") == 0)
        #expect(EditDistance.between("niño", "nino") == 1, "counted in characters")
        #expect(EditDistance.between("🦙a", "a") == 1)
        #expect(EditDistance.between("ab", "ba") == 2)
    }
}
