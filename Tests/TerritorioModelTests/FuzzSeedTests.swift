import Foundation
import Testing
@testable import TerritorioModel

/// The image seeds of the fuzz targets (`Fuzz/Corpus/cabecera`, `Fuzz/Corpus/ubicacion`) are
/// this package's own builders' images, with and without location, in every format and byte
/// order. Written again with `WRITE_FUZZ_SEEDS=1 swift test --filter FuzzSeed`.
@Suite struct FuzzSeedTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus").path

    static var seeds: [(name: String, image: BuiltImage)] {
        let images = allBuiltImages(gps: true) + allBuiltImages(gps: false)
            + [HEICBuilder.heic(splitExif: true), HEICBuilder.heic(gps: true, brands: ["avif", "mif1", "miaf"])]
        return images.enumerated().map { index, image in ("\(index)-\(image.format.rawValue)", image) }
    }

    @Test func theSeedsAreTheBuildersImages() throws {
        for target in ["cabecera", "ubicacion"] {
            for seed in Self.seeds {
                let path = Self.corpus + "/\(target)/\(seed.name)"
                if ProcessInfo.processInfo.environment["WRITE_FUZZ_SEEDS"] == "1" {
                    try Data(seed.image.bytes).write(to: URL(fileURLWithPath: path))
                }
                #expect(FileManager.default.contents(atPath: path).map(Array.init) == seed.image.bytes, "\(path)")
            }
        }
    }
}
