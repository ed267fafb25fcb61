import Foundation
import Testing
import TerritorioModel
@testable import TerritorioTUI
import TerritorioTestSupport

/// The attachment picker on a real folder: `~/Fotos` (HOME is a temporary folder, so the path
/// shown is stable) holding a JPEG, PNGs, a text file, a text file named like a photo, a hidden
/// photo and two subfolders.
@Suite("Attachment picker")
struct AttachmentPickerTests {
    static let standard = Size(columns: 80, rows: 24)
    static let narrow = Size(columns: 46, rows: 16)

    /// A photo of 1,2 MB, made once: its checksum takes a while in a debug build.
    static let largePNG = PNGBuilder.bytes(width: 4, height: 3, chunks: PNGBuilder.padding(1_200_000))

    let home: TemporaryFolder
    let fotos: String

    init() throws {
        home = try TemporaryFolder()
        fotos = home.path + "/Fotos"
        for folder in ["Viajes", "Visitas"] {
            try FileManager.default.createDirectory(atPath: fotos + "/" + folder, withIntermediateDirectories: true)
        }
        try write(JPEGBuilder.bytes(width: 4032, height: 3024), "IMG_0001.jpg")
        try write(Self.largePNG, "IMG_0002.png")
        try write(PNGBuilder.bytes(width: 2, height: 2), "Ñandú en el humedal.png")
        try write(JPEGBuilder.bytes(width: 1600, height: 1200), "IMG_20240315_143022_reunion_comunitaria_en_el_salon.jpg")
        try write(PNGBuilder.bytes(width: 3, height: 3), ".oculta.png")
        try write(Array("lista de asistentes\n".utf8), "notas.txt")
        try write(Array("no soy una foto\n".utf8), "falsa.jpg")
        try write(PNGBuilder.bytes(width: 8, height: 6), "Viajes/playa.png")
    }

    private func write(_ bytes: [UInt8], _ name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: fotos + "/" + name))
    }

    /// A picker on `~/Fotos` whose `choose` records the paths it gets and answers `refusal`.
    private func picker(path: String = "/usr/bin:/bin", refusal: String? = nil) -> (AttachmentPickerScreen, Chosen) {
        let chosen = Chosen()
        let screen = AttachmentPickerScreen(folder: fotos, environment: ["HOME": home.path, "PATH": path]) { file in
            chosen.paths.append(file)
            return refusal
        }
        return (screen, chosen)
    }

    private final class Chosen {
        var paths: [String] = []
    }

    /// The interface showing `screen`, with its header, status line and footer.
    private func app(_ screen: AttachmentPickerScreen) -> App {
        App(root: screen, header: HeaderInfo(), about: InterfaceFixtures.about)
    }

    /// Sends `keys` through the keymap of the picker's context; the last outcome.
    @discardableResult
    private func press(_ keys: [Key], on screen: AttachmentPickerScreen) -> ScreenOutcome? {
        var outcome: ScreenOutcome?
        for key in keys {
            _ = render(screen, Self.standard)
            if let action = KeyMap.action(for: key, in: screen.context) { outcome = screen.handle(action) }
        }
        return outcome
    }

    private func render(_ screen: AttachmentPickerScreen, _ size: Size) -> CellGrid {
        let grid = CellGrid(size: size)
        let area = Rect(x: 0, y: 0, columns: size.columns, rows: size.rows)
        screen.layout(in: area, plain: false)
        screen.render(into: grid, in: area)
        return grid
    }

    /// The listing's rows as drawn, without the marker and trailing spaces.
    private func listed(_ screen: AttachmentPickerScreen) -> [String] {
        let lines = render(screen, Self.standard).lines
        return lines[2..<(lines.count - 1)].map { String($0.dropFirst(3)) }.filter { !$0.isEmpty }
    }

    // MARK: - Listing

    @Test("folders first, then photos recognised by content, with size and dimensions; other files counted")
    func listing() {
        let (screen, _) = picker()
        let grid = render(screen, Self.standard)
        #expect(grid.lines[0] == " Ruta: ~/Fotos/")
        #expect(screen.cursor == Point(x: 15, y: 0))
        let rows = listed(screen)
        let starts = ["../", "Viajes/", "Visitas/", "IMG_0001.jpg ", "IMG_0002.png ", "IMG_20240315_143022_reunion", "Ñandú en el humedal.png "]
        #expect(rows.count == starts.count && zip(rows, starts).allSatisfy { $0.hasPrefix($1) }, "\(rows)")
        let jpegSize = ByteCount.text(JPEGBuilder.bytes(width: 4032, height: 3024).count)
        #expect(rows[3].hasSuffix(" 4032×3024") && rows[3].contains(" \(jpegSize) "))
        #expect(rows[4].hasSuffix(" 4×3") && rows[4].contains(" 1,2 MB "))
        #expect(rows[5].contains("…") && rows[5].hasSuffix(" 1600×1200"))
        #expect(!grid.text.contains("falsa.jpg") && !grid.text.contains("notas.txt") && !grid.text.contains(".oculta"))
        #expect(grid.lines.last == " 4 fotos · 2 carpetas · 2 archivos que no son fotos · 1 oculto")
    }

    @Test("snapshots at 80x24 and 46x16: long names cut with «…», dimensions left out when narrow")
    func snapshots() {
        let (screen, _) = picker()
        let app = app(screen)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "fotos-80x24")
        assertSnapshot(InterfaceFixtures.frame(app, Self.narrow), named: "fotos-46x16")
        InterfaceFixtures.press(InterfaceFixtures.typing("img"), on: app, size: Self.standard)
        assertSnapshot(InterfaceFixtures.frame(app, Self.standard), named: "fotos-img-80x24")
    }

    @Test("at the interface's minimum size (44x12) long names are cut and sizes still shown")
    func minimumSize() {
        let (screen, _) = picker()
        let grid = InterfaceFixtures.frame(app(screen), Chrome.minimum)
        #expect(grid.lines.contains { $0.hasPrefix("   IMG_0002.png") && $0.hasSuffix(" 1,2 MB") })
        #expect(grid.lines.contains { $0.contains("IMG_2024") && $0.contains("…") && $0.hasSuffix(" KB") })
        #expect(grid.lines[1] == " Ruta: ~/Fotos/")
    }

    @Test("typing narrows to names starting with the last part, ignoring case and accents")
    func typingNarrows() {
        let (screen, _) = picker()
        press(InterfaceFixtures.typing("img_000"), on: screen)
        #expect(listed(screen).map { String($0.prefix(12)) } == ["IMG_0001.jpg", "IMG_0002.png"])
        press([.control("u")] + InterfaceFixtures.typing("~/Fotos/nandu"), on: screen)
        #expect(listed(screen).first?.hasPrefix("Ñandú en el humedal.png") == true)
        #expect(listed(screen).count == 1)
        press(InterfaceFixtures.typing("x"), on: screen)
        #expect(render(screen, Self.standard).text.contains("Ninguna carpeta ni foto empieza por «nandux»."))
    }

    @Test("q and ? are text in the path entry; F1 is help")
    func printableKeysAreText() {
        let (screen, _) = picker()
        let app = app(screen)
        #expect(app.handle(.character("q"), size: Self.standard))
        #expect(app.handle(.character("?"), size: Self.standard))
        #expect(app.top === screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/q?")
        _ = app.handle(.function(1), size: Self.standard)
        #expect(app.top is HelpScreen)
    }

    // MARK: - Completion and moving

    @Test("Tab completes a unique folder with its «/», several matches to what they share")
    func completion() {
        let (screen, _) = picker()
        press([.character("v"), .tab], on: screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/Vi")
        #expect(press([.tab], on: screen)?.isIgnored == true)
        press([.character("a"), .tab], on: screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/Viajes/")
        #expect(listed(screen).map { String($0.prefix(9)) } == ["../", "playa.png"])
        press([.control("u")] + InterfaceFixtures.typing("~/Fotos/img_0001"), on: screen)
        press([.tab], on: screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/IMG_0001.jpg")
    }

    @Test("Enter goes into the marked folder, and on «../» back up with the folder marked")
    func folders() {
        let (screen, _) = picker()
        #expect(listed(screen)[1] == "Viajes/")
        press([.enter], on: screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/Viajes/")
        press([.up, .enter], on: screen)
        let grid = render(screen, Self.standard)
        #expect(grid.lines[0] == " Ruta: ~/Fotos/")
        #expect(grid.lines[3].hasPrefix(" ▸ Viajes/"))
        press(InterfaceFixtures.typing("Visitas") + [.enter], on: screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/Visitas/")
        #expect(render(screen, Self.standard).text.contains("Aquí no hay carpetas ni fotos."))
        press([.control("w")], on: screen)
        #expect(render(screen, Self.standard).lines[0] == " Ruta: ~/Fotos/")
    }

    @Test("↑↓ and pages move the mark within the listing")
    func moving() {
        let (screen, _) = picker()
        press([.down, .down], on: screen)
        #expect(render(screen, Self.standard).lines.contains { $0.hasPrefix(" ▸ IMG_0001.jpg") })
        press([.pageDown], on: screen)
        #expect(render(screen, Self.standard).lines.contains { $0.hasPrefix(" ▸ Ñandú") })
        press([.pageUp], on: screen)
        #expect(render(screen, Self.standard).lines.contains { $0.hasPrefix(" ▸ ../") })
    }

    // MARK: - Choosing

    @Test("Enter on a photo, marked or typed, hands its absolute path to choose and closes")
    func choosing() {
        let (screen, chosen) = picker()
        #expect(press([.down, .down, .enter], on: screen)?.isPop == true)
        let (typed, typedChosen) = picker()
        #expect(press([.control("u")] + InterfaceFixtures.typing("Viajes/../img_0002.PNG") + [.enter], on: typed)?.isPop == true)
        #expect(chosen.paths == [fotos + "/IMG_0001.jpg"])
        #expect(typedChosen.paths == [fotos + "/IMG_0002.png"])
    }

    @Test("a photo that cannot be attached keeps the picker open with the reason")
    func refused() {
        let (screen, chosen) = picker(refusal: "Ya tiene 10 fotos, el máximo por novedad.")
        let app = app(screen)
        InterfaceFixtures.press([.down, .down, .enter], on: app, size: Self.standard)
        #expect(chosen.paths.count == 1)
        #expect(app.top === screen)
        #expect(InterfaceFixtures.frame(app, Self.standard).lines[22] == " Ya tiene 10 fotos, el máximo por novedad.")
        #expect(press([.escape], on: screen)?.isPop == true)
        #expect(chosen.paths.count == 1)
    }

    @Test("Ctrl-O shows and hides names starting with «.»; typing «.» shows them too")
    func hiddenFiles() {
        let (screen, _) = picker()
        #expect(press([.control("o")], on: screen)?.notice == "Se muestran los archivos ocultos.")
        #expect(listed(screen).contains { $0.hasPrefix(".oculta.png") })
        #expect(!render(screen, Self.standard).lines.last!.contains("oculto"))
        press([.control("o")], on: screen)
        #expect(!listed(screen).contains { $0.hasPrefix(".oculta.png") })
        press([.character(".")], on: screen)
        #expect(listed(screen).map { String($0.prefix(11)) } == [".oculta.png"])
    }

    // MARK: - Preview

    @Test("F4 without chafa says how to get it; with chafa it runs on the marked photo, sized to the screen")
    func preview() throws {
        let empty = try TemporaryFolder()
        let (without, _) = picker(path: empty.path)
        press([.down, .down], on: without)
        #expect(press([.function(4)], on: without)?.notice == "Para ver la foto aquí instale chafa (sudo apt install chafa).")
        #expect(press([.up, .control("v")], on: without)?.notice == "Marque una foto para verla.")

        let bin = try TemporaryFolder()
        _ = try bin.executable("chafa", "#!/bin/sh\nexit 0\n")
        let (with, _) = picker(path: bin.path)
        guard case .runProgram(let program) = press([.down, .down, .function(4)], on: with) else {
            Issue.record("F4 should run chafa")
            return
        }
        #expect(program.arguments == ["chafa", "--size=80x24", fotos + "/IMG_0001.jpg"])
        #expect(program.waitsForEnter && program.environment["PATH"] == bin.path)
        #expect(program.finished(0).notice == nil && program.finished(1).notice == "El programa chafa no pudo mostrar esta foto.")
        #expect(program.finished(nil).notice == "No se pudo iniciar chafa.")
    }

    // MARK: - Folders that cannot be read

    /// `Tests/Fixtures/hostiles/x.heic` once killed the interface (an overflow in the header
    /// probe); a FIFO must not block the listing.
    @Test("a folder with a hostile x.heic and a FIFO is listed: neither is a photo")
    func hostileFiles() throws {
        let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hostiles/x.heic")
        try FileManager.default.createDirectory(atPath: fotos + "/Hostiles", withIntermediateDirectories: true)
        try write(Array(try Data(contentsOf: hostile)), "Hostiles/x.heic")
        #expect(mkfifo(fotos + "/Hostiles/tubo.jpg", 0o600) == 0)
        try write(PNGBuilder.bytes(width: 2, height: 2), "Hostiles/buena.png")
        let (screen, _) = picker()
        press([.control("u")] + InterfaceFixtures.typing("~/Fotos/Hostiles/"), on: screen)
        let grid = render(screen, Self.standard)
        let rows = listed(screen)
        #expect(rows.count == 2 && rows[0].hasPrefix("../") && rows[1].hasPrefix("buena.png "), "\(rows)")
        #expect(grid.lines.last == " 1 foto · 2 archivos que no son fotos", "\(grid.text)")
    }

    @Test("a folder that does not exist, is a file or cannot be read is explained, not a crash")
    func unreadable() throws {
        let (screen, _) = picker()
        press([.control("u")] + InterfaceFixtures.typing("~/no-existe/"), on: screen)
        var text = render(screen, Self.standard).text
        #expect(text.contains("No se puede abrir ~/no-existe") && text.contains("La carpeta no existe."))
        press([.control("u")] + InterfaceFixtures.typing("~/Fotos/notas.txt/"), on: screen)
        text = render(screen, Self.standard).text
        #expect(text.contains("No es una carpeta."))
        #expect(press([.enter], on: screen)?.isIgnored == true)
        #expect(FolderListing.failureReason(errno: EACCES) == "No hay permiso para leer esta carpeta.")
        if getuid() != 0 {  // root reads any folder
            let locked = fotos + "/Visitas"
            #expect(chmod(locked, 0) == 0)
            defer { chmod(locked, 0o755) }
            press([.control("u")] + InterfaceFixtures.typing("~/Fotos/Visitas/"), on: screen)
            #expect(render(screen, Self.standard).text.contains("No hay permiso para leer esta carpeta."))
        }
    }

    @Test("a folder of thousands of files examines the first 2 000 names and says how to narrow")
    func manyFiles() throws {
        let many = try TemporaryFolder()
        for index in 0..<(FolderListing.limit + 5) {
            _ = FileManager.default.createFile(atPath: many.path + String(format: "/nota-%05d.txt", index), contents: Data("x".utf8))
        }
        var listing = FolderListing(path: many.path)
        let rows = listing.rows(matching: "", showHidden: false)
        #expect(rows.notPhotos == FolderListing.limit && rows.unexamined == 5)
        #expect(listing.rows(matching: "nota-0200", showHidden: false).unexamined == 0)
        let screen = AttachmentPickerScreen(folder: many.path, environment: [:]) { _ in nil }
        let lines = render(screen, Self.standard).lines
        #expect(lines[22] == " 5 nombres más sin revisar: escriba el comienzo del nombre.")
        #expect(lines[23] == " 0 fotos · 2.000 archivos que no son fotos")
    }

    // MARK: - Path entry

    @Test("the path entry: «~» for home, relative paths from the starting folder, «..» worked out")
    func pathEntry() {
        var entry = PathEntry(folder: "/home/ana/Fotos", home: "/home/ana")
        #expect(entry.text == "~/Fotos/" && entry.folder == "/home/ana/Fotos" && entry.name.isEmpty)
        #expect(entry.edit(.clearField) == true)
        "Viajes/../../playa".forEach { #expect(entry.edit(.insert($0)) == true) }
        #expect(entry.folder == "/home/ana" && entry.name == "playa")
        #expect(entry.edit(.deleteWord) == true)
        #expect(entry.text == "Viajes/../../")
        #expect(entry.edit(.moveUp) == nil)
        entry.show(folder: "/")
        #expect(entry.text == "/")
        entry.show(folder: "/home/ana")
        #expect(entry.text == "~/")
        #expect(PathEntry(folder: "/srv/fotos", home: nil).text == "/srv/fotos/")
        #expect(TextFit.truncateStart("/una/ruta/larga/", to: 8) == "…/larga/")
    }
}

private extension ScreenOutcome {
    var isPop: Bool {
        if case .pop = self { true } else { false }
    }

    var isIgnored: Bool {
        if case .ignored = self { true } else { false }
    }

    var notice: String? {
        if case .notice(let text) = self { text } else { nil }
    }
}
