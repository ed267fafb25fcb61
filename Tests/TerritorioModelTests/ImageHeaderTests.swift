import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// Reading only a file's header gives the same format and size as the full inspection, for every
/// format; what is not an accepted image, or not a regular file, gives nil without blocking.
@Suite struct ImageHeaderTests {
    @Test func everyBuiltImageGivesTheSizeTheInspectorReads() throws {
        try withTemporaryDirectory { folder in
            for (index, image) in (allBuiltImages(gps: true) + allBuiltImages(gps: false)).enumerated() {
                let path = folder + "/\(index)"
                try Data(image.bytes).write(to: URL(fileURLWithPath: path))
                #expect(ImageHeader.info(ofFileAt: path) == image.info, "\(image.format)")
            }
        }
    }

    @Test func aJPEGFrameHeaderAfterLargeMetadataIsReachedBySkippingSegments() throws {
        let comment = JPEGBuilder.segment(0xfe, [UInt8](repeating: 0x41, count: 65_000))
        let image = JPEGBuilder.jpeg(width: 4032, height: 3024, extraSegments: comment + comment)
        try withTemporaryDirectory { folder in
            let path = folder + "/grande.jpg"
            try Data(image.bytes).write(to: URL(fileURLWithPath: path))
            #expect(ImageHeader.info(ofFileAt: path) == ImageInfo(format: .jpeg, width: 4032, height: 3024))
        }
    }

    @Test func otherFilesFoldersAndFIFOsGiveNil() throws {
        try withTemporaryDirectory { folder in
            try Data("no es una foto".utf8).write(to: URL(fileURLWithPath: folder + "/nota.jpg"))
            try Data().write(to: URL(fileURLWithPath: folder + "/vacio.png"))
            #expect(mkfifo(folder + "/tuberia", 0o600) == 0)
            for name in ["nota.jpg", "vacio.png", "tuberia", "no-existe", ""] {
                #expect(ImageHeader.info(ofFileAt: folder + "/" + name) == nil, "\(name)")
            }
        }
    }

    /// `Tests/Fixtures/hostiles/x.heic` (40 bytes): a box declaring a 64-bit size of 2⁶³−1 once
    /// overflowed the probe's offset and killed the picker.
    @Test func aBoxLargerThanTheFileGivesNilWithoutOverflow() throws {
        #expect(ImageHeader.info(ofFileAt: hostileFixture("x.heic")) == nil)
        try withTemporaryDirectory { folder in
            let path = folder + "/bomba.heic"
            try Data(HEICBuilder.ilocBomb()).write(to: URL(fileURLWithPath: path))
            #expect(ImageHeader.info(ofFileAt: path) == ImageInfo(format: .heic, width: 64, height: 48))
        }
    }
}

/// A file of `Tests/Fixtures/hostiles`: hostile input kept as a regression test.
func hostileFixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostiles/" + name).path
}
