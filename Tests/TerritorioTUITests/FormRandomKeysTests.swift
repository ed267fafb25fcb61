import Foundation
import Testing
import TerritorioModel
@testable import TerritorioTUI
import TerritorioTestSupport

/// No key sequence ends or breaks the editor: thousands of random keys — text in every script,
/// every control key, Esc and `n` in and out of forms, pick-lists, the photo picker, the
/// external editor — with resizes in between, over a real store.
@Suite("Novedad form, random keys")
struct FormRandomKeysTests {
    static let keys: [Key] = "abcñáéíóúü¿¡?q /.-0123456789漢字👍🏽".map { Key.character($0) } + [
        .tab, .tab, .tab, .backTab, .enter, .enter, .escape, .backspace, .delete, .up, .down, .left, .right,
        .wordLeft, .wordRight, .home, .end, .pageUp, .pageDown, .function(1), .function(2), .unknown,
        .control("s"), .control("q"), .control("e"), .control("w"), .control("u"), .control("l"), .control("o"),
        .character("n"), .character("e"), .character("b"), .character("d"), .character("c"), .character("p"),
    ]

    @Test("3 000 random keys with resizes: no crash, the cursor always on screen, every draft readable", arguments: [7, 2026])
    func randomKeys(seed: UInt64) throws {
        let photos = try TemporaryFolder()
        try Data(PNGBuilder.bytes(width: 4, height: 3)).write(to: URL(fileURLWithPath: photos.path + "/foto.png"))
        let harness = try FormHarness(environment: ["TERRITORIO_FOTOS": photos.path, "EDITOR": "true"])
        var random = SeededRandom(seed: seed)
        var size = FormHarness.size
        harness.press([.character("n")])
        for step in 0..<3_000 {
            if step % 97 == 0 {
                size = Size(columns: Int.random(in: 30...120, using: &random), rows: Int.random(in: 8...40, using: &random))
            }
            let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]
            _ = harness.app.handle(key, size: size)
            harness.runPendingProgram()
            if step % 11 == 0 { harness.wait(0.6) }
            let grid = CellGrid(size: size)
            _ = harness.app.update()
            if let cursor = harness.app.draw(on: grid) {
                #expect(cursor.x >= 0 && cursor.x < size.columns && cursor.y >= 0 && cursor.y < size.rows,
                        "cursor \(cursor) outside \(size) after \(key) at step \(step)")
            }
        }
        harness.app.prepareToQuit()
        for novedad in harness.novedades {
            #expect(novedad.description.count <= NovedadChanges.maximumDescription)
        }
    }
}
