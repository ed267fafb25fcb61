import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// The NIST FIPS 180-2 / SHAVS vectors, streaming in awkward pieces, and agreement with the
/// system's `sha256sum`.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func nistVectors(message: String, expected: String) {
        #expect(SHA256.hex(of: SHA256.digest(of: Array(message.utf8))) == expected)
    }

    @Test func oneMillionAsStreamedInOddPieces() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        var offset = 0
        let pieces = [1, 63, 64, 65, 7, 127, 1000, 4093]
        var piece = 0
        while offset < message.count {
            let size = min(pieces[piece % pieces.count], message.count - offset)
            hasher.update(message[offset..<offset + size])
            offset += size
            piece += 1
        }
        #expect(SHA256.hex(of: hasher.finalize())
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func everyLengthAroundTheBlockBoundaryMatchesOneShotHashing() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 300] {
            let prefix = Array(message[0..<length])
            var streamed = SHA256()
            for byte in prefix { streamed.update(CollectionOfOne(byte)) }
            #expect(SHA256.hex(of: streamed.finalize()) == SHA256.hex(of: SHA256.digest(of: prefix)), "length \(length)")
        }
    }

    @Test func theHasherStartsOverAfterFinalize() {
        var hasher = SHA256()
        hasher.update(Array("basura".utf8))
        _ = hasher.finalize()
        hasher.update(Array("abc".utf8))
        #expect(SHA256.hex(of: hasher.finalize())
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func digestsAreThirtyTwoBytesAndHexIsLowercase() {
        var hasher = SHA256()
        hasher.update([0xff, 0x00])
        let digest = hasher.finalize()
        #expect(digest.count == SHA256.digestByteCount)
        #expect(SHA256.hex(of: [0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }

    @Test func agreesWithSha256sumOnRandomFiles() throws {
        let tool = "/usr/bin/sha256sum"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        var generator = SystemRandomNumberGenerator()
        let lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 1_000, (1 << 20) + 333]
        let files = lengths.map { length in (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        let expected = try withTemporaryDirectory { folder in
            let paths = files.indices.map { folder + "/aleatorio-\($0).bin" }
            for (path, bytes) in zip(paths, files) { try writeFile(bytes, to: path) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = paths
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map { String($0.prefix(64)) }
        }
        #expect(expected.count == files.count)
        for (bytes, hex) in zip(files, expected) {
            #expect(SHA256.hex(of: SHA256.digest(of: bytes)) == hex, "\(bytes.count) bytes")
        }
    }

    /// The limit for one attachment is 15 MiB: a photo that large hashes right (the value is
    /// Python's `hashlib.sha256`). How fast is the benchmarks' business, not a test's.
    @Test func hashesAFifteenMebibytePhoto() {
        let bytes = [UInt8](repeating: 0x5a, count: 15 * 1_048_576)
        #expect(SHA256.hex(of: SHA256.digest(of: bytes)) == "a37e1c08afa9ef069a1df689ae98eb6fad170dfd0f6d3c39023312a4c94a95fa")
    }

    @Test func hexDigitsGoBackToTheirBytesAndAnythingElseIsRefused() {
        let digest = SHA256.digest(of: Array("abc".utf8))
        #expect(SHA256.bytes(ofHex: SHA256.hex(of: digest)) == digest)
        #expect(SHA256.bytes(ofHex: "") == [])
        #expect(SHA256.bytes(ofHex: "abc") == nil, "an odd count")
        #expect(SHA256.bytes(ofHex: "0G") == nil)
        #expect(SHA256.bytes(ofHex: "AB") == nil, "only lowercase, as attachments are named")
    }
}
