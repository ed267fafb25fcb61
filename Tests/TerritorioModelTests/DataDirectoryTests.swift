import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

@Suite struct DataDirectoryTests {
    private let environment = [
        "TERRITORIO_DATOS": "/datos/territorio",
        "XDG_DATA_HOME": "/xdg",
        "HOME": "/home/gestora",
    ]

    private func resolve(_ option: String?, _ environment: [String: String]) -> String {
        DataDirectory.resolve(option: option, environment: environment).path
    }

    @Test func optionComesFirst() {
        #expect(resolve("/opcion", environment) == "/opcion")
    }

    @Test func thenTerritorioDatos() {
        #expect(resolve(nil, environment) == "/datos/territorio")
        #expect(resolve("", environment) == "/datos/territorio", "an empty option is no option")
    }

    @Test func thenXDGDataHome() {
        var environment = environment
        environment["TERRITORIO_DATOS"] = ""
        #expect(resolve(nil, environment) == "/xdg/territorio")
        environment["TERRITORIO_DATOS"] = nil
        #expect(resolve(nil, environment) == "/xdg/territorio")
    }

    @Test func thenHome() {
        #expect(resolve(nil, ["HOME": "/home/gestora"]) == "/home/gestora/.local/share/territorio")
        #expect(resolve(nil, ["HOME": "/home/gestora", "XDG_DATA_HOME": "relativa"]) == "/home/gestora/.local/share/territorio",
                "XDG paths must be absolute")
    }

    @Test func relativePathsBecomeAbsolute() {
        let current = FileManager.default.currentDirectoryPath
        #expect(resolve("mis-datos", [:]) == current + "/mis-datos")
        #expect(resolve(nil, ["TERRITORIO_DATOS": "otra/carpeta"]) == current + "/otra/carpeta")
    }

    @Test func createIsHarmlessOnAnExistingFolder() throws {
        try withTemporaryDirectory { folder in
            try writeFile("x", to: folder + "/dentro")
            try DataDirectory(path: folder).create()
            #expect(FileManager.default.fileExists(atPath: folder + "/dentro"))
        }
    }
}
