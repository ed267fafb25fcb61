import Foundation
import Testing
@testable import TerritorioModel

/// Every file under `Tests/Fixtures/hostiles` — the hostile files and each input a fuzz
/// target (`scripts/fuzz`) ever crashed on — through every parser of outside bytes, with the
/// fuzz targets' checks: refused or read, never a crash, a hang or memory without bound; a photo
/// that is accepted and cleaned is still the same image.
@Suite struct HostileFilesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostiles").path
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()

    @Test func theHostileFilesAreThere() {
        #expect(Self.names.contains("x.heic"))
    }

    @Test("a hostile file through every parser", arguments: names)
    func everyParser(name: String) throws {
        let path = Self.folder + "/" + name
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let probed = ImageHeader.info(ofFileAt: path)
        let inspected = try? ImageInspector.inspect(bytes)
        if let probed, let inspected { #expect(probed.format == inspected.format) }
        for format in ImageFormat.allCases {
            guard let cleaned = try? LocationRemover.removingLocation(from: bytes, format: format),
                  let inspected, inspected.format == format else { continue }
            #expect(try ImageInspector.inspect(cleaned.bytes) == inspected)
        }
        #expect(throws: CatalogueError.self) { try CatalogueReader.read(bytes: bytes) }
        if let value = try? JSONParser.parse(bytes) {
            #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
            if let delta = try? CatalogueDelta(json: value), delta.changesSomething { _ = try? delta.applied(to: nil) }
        }
        let decoder = JSONDecoder()
        if let receipt = try? decoder.decode(NovedadReceipt.self, from: Data(bytes)) { #expect(!Radicado.isValid(receipt.radicado)) }
        _ = try? decoder.decode(SessionResponse.self, from: Data(bytes))
        _ = try? decoder.decode(StatusChanges.self, from: Data(bytes))
        _ = try? decoder.decode(Problem.self, from: Data(bytes))
        let header = String(decoding: bytes.prefix(256), as: UTF8.self)
        _ = RetryAfter(HTTPClient.Response(status: 503, headers: ["retry-after": header], body: Data()), now: Date())
    }
}
