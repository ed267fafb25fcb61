import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// `tmp/` of the data directory: what a crash left there goes at the next start, what another
/// running instance holds (its lock taken through a descriptor of its own, as another process's
/// would be) stays.
@Suite struct ScratchFolderTests {
    private func names(_ folder: ScratchFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aFileIsPrivateLockedAndGoneWhenRemoved() throws {
        try withTemporaryDirectory { root in
            let folder = ScratchFolder(dataDirectory: DataDirectory(path: root))
            let file = try folder.create(named: "descripcion-1.txt", text: "Rosa Díaz vive sola")
            #expect(file.text() == "Rosa Díaz vive sola")
            #expect(try permissions(of: folder.path) == 0o700 && permissions(of: file.path) == 0o600)
            #expect(try FileLock.attemptExclusive(path: file.path + ".bloqueo") == nil)
            file.remove()
            #expect(try names(folder) == [".bloqueo"])
        }
    }

    @Test func leftoversGoButHeldFilesStay() throws {
        try withTemporaryDirectory { root in
            let folder = ScratchFolder(dataDirectory: DataDirectory(path: root))
            let held = try folder.create(named: "descripcion-abierta.txt", text: "en el editor de otra ventana")
            // Left by a crash: a file whose lock nobody holds, and one from before lock files.
            try writeFile("Luz Mora, 300 555 9876", to: folder.path + "/descripcion-huerfana.txt")
            try writeFile("", to: folder.path + "/descripcion-huerfana.txt.bloqueo")
            try writeFile("antigua", to: folder.path + "/descripcion-antigua.txt")
            #expect(try folder.removeLeftovers() == 2)
            #expect(try names(folder) == [".bloqueo", "descripcion-abierta.txt", "descripcion-abierta.txt.bloqueo"])
            #expect(held.text() == "en el editor de otra ventana")
            held.remove()
            #expect(try folder.removeLeftovers() == 0)
            #expect(try names(folder) == [".bloqueo"])
        }
    }

    @Test func aNameAnotherInstanceHoldsIsRefused() throws {
        try withTemporaryDirectory { root in
            let folder = ScratchFolder(dataDirectory: DataDirectory(path: root))
            let held = try folder.create(named: "descripcion-1.txt", text: "primera")
            #expect(throws: StoreError.self) { try folder.create(named: "descripcion-1.txt", text: "segunda") }
            #expect(held.text() == "primera")
        }
    }

    @Test func noFolderNothingToDo() throws {
        try withTemporaryDirectory { root in
            let removed = try ScratchFolder(dataDirectory: DataDirectory(path: root + "/no-existe")).removeLeftovers()
            #expect(removed == 0)
            #expect(!FileManager.default.fileExists(atPath: root + "/no-existe"))
        }
    }
}
