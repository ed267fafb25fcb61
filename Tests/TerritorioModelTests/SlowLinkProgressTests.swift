import Testing
@testable import TerritorioModel

/// A photo over a slow link: the line the gestor reads, and how the pieces follow the measured rate.
struct SlowLinkProgressTests {
    @Test func photoLineSaysBytesOfTotalAndTheTimeLeft() {
        #expect(SyncProgress.photo(1, of: 3, sent: 420_000, total: 3_100_000, bytesPerSecond: 5_000)
                == "foto 1 de 3: 420 KB de 3,1 MB · faltan unos 9 min")
        #expect(SyncProgress.photo(2, of: 2, sent: 0, total: 600_000, bytesPerSecond: nil) == "foto 2 de 2: 0 B de 600 KB")
        #expect(SyncProgress.photo(1, of: 1, sent: 590_000, total: 600_000, bytesPerSecond: 5_000)
                == "foto 1 de 1: 590 KB de 600 KB · falta menos de un minuto")
        #expect(SyncProgress.photo(1, of: 1, sent: 600_000, total: 600_000, bytesPerSecond: 5_000) == "foto 1 de 1: 600 KB de 600 KB")
    }

    @Test func piecesCarryAThirdOfTheStallLimitAtTheMeasuredRate() {
        var pace = UploadPace(size: 600_000, offset: 0, stallSeconds: 30)
        #expect(pace.nextPiece == 0..<60_000, "before a rate is known: 30 s of 2 000 B/s")
        #expect(UploadPace(size: 600_000, offset: 0, stallSeconds: 300).nextPiece == 0..<65_536, "at most 64 KiB")
        #expect(UploadPace(size: 600_000, offset: 0, stallSeconds: 2).nextPiece == 0..<UploadPace.smallestPiece)
        pace.advance(to: 150_000, taking: .seconds(30))
        #expect(pace.bytesPerSecond == 5_000)
        #expect(pace.nextPiece == 150_000..<200_000, "10 s of the measured rate")
        pace.advance(to: 160_000, taking: .seconds(10))
        #expect(pace.nextPiece == 160_000..<160_000 + UploadPace.smallestPiece, "never smaller than the smallest piece")
        pace.advance(to: 200_000, taking: .milliseconds(10))
        #expect(pace.nextPiece == 200_000..<600_000, "a fast link sends the whole rest at once")
        pace.restart(at: 100_000)
        #expect(pace.offset == 100_000)
    }
}
