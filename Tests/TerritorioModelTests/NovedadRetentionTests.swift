import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// The purge of docs/diseno.md "Non-negotiables": sent novedades older than N days lose their photos,
/// the citizen's contact data and the coordinates on this device, keep their radicado and
/// summary, and unreferenced files go — measured with an injected clock.
@Suite struct NovedadRetentionTests {
    private let start = NovedadBench.start
    private let day = NovedadBench.day

    /// A novedad with a photo, contact data with consent and coordinates, sent at `sentAt`.
    private func sentNovedad(_ bench: NovedadBench, sentAt: Date, radicado: String, photo: String) throws -> Novedad {
        let draft = try bench.completeDraft({ changes in
            changes.neighborhood = "Patio Bonito"
            changes.coordinates = Coordinates(latitude: 4.6351, longitude: -74.1563)
            changes.contactName = "Rosa Díaz"
            changes.contactPhone = "300 555 1234"
            changes.consentTextVersion = "v1"
            changes.contactIncludesSensitiveData = true
        }, attachments: [photo], at: sentAt - day)
        let store = bench.novedades(at: sentAt)
        _ = try store.enqueue(draft.id)
        try store.beginSending(draft.id)
        try store.recordSent(draft.id, radicado: radicado)
        return try store.novedad(draft.id)
    }

    private func photo(_ bench: NovedadBench, _ name: String, width: Int) throws -> String {
        try bench.file(name, PNGBuilder.png(width: width, height: 3, gps: false).bytes)
    }

    @Test func onlySentNovedadesOlderThanTheLimitArePurged() throws {
        try withNovedadBench { bench in
            let old = try sentNovedad(bench, sentAt: start - 31 * day, radicado: "TER-2026-000001", photo: try photo(bench, "vieja.png", width: 3))
            let recent = try sentNovedad(bench, sentAt: start - 29 * day, radicado: "TER-2026-000002", photo: try photo(bench, "reciente.png", width: 4))
            let recentJSON = try bench.json(recent.id)
            let oldPhoto = old.attachments[0].sha256
            let recentPhoto = recent.attachments[0].sha256
            #expect(try bench.storedFiles() == [oldPhoto, recentPhoto].sorted())

            let store = bench.novedades(at: start)
            #expect(try store.purge(olderThanDays: 30) == 1)

            let purged = try store.novedad(old.id)
            #expect(purged.state == .enviada)
            #expect(purged.attachments.isEmpty)
            #expect(purged.contact == nil)
            #expect(purged.coordinates == nil)
            #expect(purged.outbox.purgedAt == Timestamp.string(from: start))
            // Radicado and summary stay.
            #expect(purged.outbox.radicado == "TER-2026-000001")
            #expect(purged.outbox.sentAt == old.outbox.sentAt)
            #expect(purged.description == old.description)
            #expect(purged.type == old.type && purged.entity == old.entity && purged.localidad == old.localidad)
            #expect(purged.createdAt == old.createdAt && purged.observedAt == old.observedAt)
            let json = purged.json
            #expect(json["radicado"] == .string("TER-2026-000001"))
            #expect(json["contacto"] == .null && json["coordenadas"] == .null)
            #expect(json["adjuntos"] == .array([]))
            #expect(json["purgada_en"] == .string(Timestamp.string(from: start)))
            // No copy of the contact data stays behind in the database.
            #expect(try bench.database.scalar("SELECT count(*) FROM adjuntos WHERE novedad = ?", [old.id], as: Int.self) == 0)
            let row = try #require(try bench.database.query("SELECT * FROM novedades WHERE id = ?", [old.id]).first)
            #expect(!row.values.contains { String(reflecting: $0).contains("Rosa") || String(reflecting: $0).contains("555 1234") })
            // The file of the purged photo is gone; the other one stays.
            #expect(try bench.storedFiles() == [recentPhoto])
            #expect(try bench.json(recent.id) == recentJSON)
            // The purge is in the trail.
            let last = try #require(try store.transitions(of: old.id).last)
            #expect(last.from == .enviada && last.to == "purgada" && last.at == Timestamp.string(from: start))
            #expect(last.detail?.contains("30 días") == true)
        }
    }

    @Test func aPurgeIsIdempotent() throws {
        try withNovedadBench { bench in
            let old = try sentNovedad(bench, sentAt: start - 40 * day, radicado: "TER-2026-000003", photo: try photo(bench, "foto.png", width: 3))
            #expect(try bench.novedades(at: start).purge(olderThanDays: 30) == 1)
            let json = try bench.json(old.id)
            let dump = try bench.dump()
            let files = try bench.storedFiles()
            for later in [start, start + day, start + 400 * day] {
                #expect(try bench.novedades(at: later).purge(olderThanDays: 30) == 0)
                #expect(try bench.json(old.id) == json)
                #expect(try bench.dump() == dump)
                #expect(try bench.storedFiles() == files)
            }
        }
    }

    @Test func theLimitIsMeasuredFromTheSendingTime() throws {
        try withNovedadBench { bench in
            let sentAt = start - 30 * day
            let novedad = try sentNovedad(bench, sentAt: sentAt, radicado: "TER-2026-000004", photo: try photo(bench, "foto.png", width: 3))
            // One second short of 30 days: kept.
            #expect(try bench.novedades(at: start - 1).purge(olderThanDays: 30) == 0)
            #expect(try bench.novedades().novedad(novedad.id).attachments.count == 1)
            // 30 days after sending: purged; and a shorter limit reaches it earlier.
            #expect(try bench.novedades(at: start).purge(olderThanDays: 30) == 1)
            #expect(try bench.novedades().novedad(novedad.id).outbox.purgedAt == Timestamp.string(from: start))

            let second = try sentNovedad(bench, sentAt: start - 3 * day, radicado: "TER-2026-000005", photo: try photo(bench, "otra.png", width: 4))
            #expect(try bench.novedades(at: start).purge(olderThanDays: 7) == 0)
            #expect(try bench.novedades(at: start).purge(olderThanDays: 2) == 1)
            #expect(try bench.novedades().novedad(second.id).attachments.isEmpty)
        }
    }

    @Test func zeroDaysPurgesEverySentNovedadAtOnce() throws {
        try withNovedadBench { bench in
            let first = try sentNovedad(bench, sentAt: start, radicado: "TER-2026-000006", photo: try photo(bench, "a.png", width: 3))
            let second = try sentNovedad(bench, sentAt: start - day, radicado: "TER-2026-000007", photo: try photo(bench, "b.png", width: 4))
            #expect(try bench.novedades(at: start).purge(olderThanDays: 0) == 2)
            for id in [first.id, second.id] {
                let novedad = try bench.novedades().novedad(id)
                #expect(novedad.attachments.isEmpty && novedad.contact == nil && novedad.outbox.radicado != nil)
            }
            #expect(try bench.storedFiles().isEmpty)
        }
    }

    @Test func novedadesInOtherStatesAreNeverPurged() throws {
        try withNovedadBench { bench in
            // Everything created 100 days before the purge, with contact data and a photo each.
            let long = start - 100 * day
            var ids: [String] = []
            for (index, state) in [NovedadState.borrador, .enCola, .enviando].enumerated() {
                let draft = try bench.completeDraft({ changes in
                    changes.contactName = "Rosa Díaz"
                    changes.consentTextVersion = "v1"
                    changes.coordinates = Coordinates(latitude: 4.6, longitude: -74.1)
                }, attachments: [try photo(bench, "foto-\(index).png", width: 3 + index)], at: long)
                let store = bench.novedades(at: long)
                if state != .borrador { _ = try store.enqueue(draft.id) }
                if state == .enviando { try store.beginSending(draft.id) }
                #expect(try store.novedad(draft.id).state == state)
                ids.append(draft.id)
            }
            let dump = try bench.dump()
            let files = try bench.storedFiles()
            #expect(try bench.novedades(at: start).purge(olderThanDays: 30) == 0)
            #expect(try bench.dump() == dump)
            #expect(try bench.storedFiles() == files)
            #expect(files.count == 3)
        }
    }

    @Test func aPhotoSharedWithAnotherNovedadSurvivesThePurge() throws {
        try withNovedadBench { bench in
            let shared = try photo(bench, "compartida.png", width: 5)
            let sent = try sentNovedad(bench, sentAt: start - 60 * day, radicado: "TER-2026-000008", photo: shared)
            let draft = try bench.completeDraft(attachments: [shared])
            #expect(draft.attachments[0].sha256 == sent.attachments[0].sha256)
            #expect(try bench.novedades(at: start).purge(olderThanDays: 30) == 1)
            #expect(try bench.novedades().novedad(sent.id).attachments.isEmpty)
            #expect(try bench.storedFiles() == [draft.attachments[0].sha256])
            #expect(try bench.novedades().novedad(draft.id).attachments == draft.attachments)
        }
    }

    @Test func aPurgeAlsoCollectsLeftovers() throws {
        try withNovedadBench { bench in
            _ = try sentNovedad(bench, sentAt: start - day, radicado: "TER-2026-000009", photo: try photo(bench, "foto.png", width: 3))
            try writeFile([0, 1], to: bench.attachmentsFolder + "/.tmp-x")
            #expect(try bench.novedades(at: start).purge(olderThanDays: 30) == 0)
            #expect(try bench.storedFiles().count == 1)
        }
    }

    /// A novedad with a photo and contact data with consent, rejected by the server at `rejectedAt`.
    private func rejectedNovedad(_ bench: NovedadBench, rejectedAt: Date, name: String, phone: String, photo: String) throws -> Novedad {
        let draft = try bench.completeDraft({ changes in
            changes.contactName = name
            changes.contactPhone = phone
            changes.consentTextVersion = "v1"
        }, attachments: [photo], at: rejectedAt - day)
        let store = bench.novedades(at: rejectedAt)
        _ = try store.enqueue(draft.id)
        try store.beginSending(draft.id)
        try store.recordRejected(draft.id, reason: "la dirección no existe")
        return try store.novedad(draft.id)
    }

    @Test func rejectedNovedadesOlderThanTheLimitArePurgedToo() throws {
        try withNovedadBench { bench in
            let old = try rejectedNovedad(bench, rejectedAt: start - 31 * day, name: "Rosa Díaz", phone: "300 555 1234",
                                          photo: try photo(bench, "vieja.png", width: 3))
            let recent = try rejectedNovedad(bench, rejectedAt: start - 29 * day, name: "Luz Mora", phone: "300 555 9876",
                                             photo: try photo(bench, "reciente.png", width: 4))
            let recentJSON = try bench.json(recent.id)
            let store = bench.novedades(at: start)
            #expect(try store.purge(olderThanDays: 30) == 1)
            let purged = try store.novedad(old.id)
            #expect(purged.state == .rechazada && purged.outbox.rejectionReason == "la dirección no existe")
            #expect(purged.attachments.isEmpty && purged.contact == nil && purged.description == old.description)
            #expect(try bench.payload(old.id) == nil)
            #expect(try bench.storedFiles() == recent.attachments.map(\.sha256))
            #expect(try bench.json(recent.id) == recentJSON)
            let last = try #require(try store.transitions(of: old.id).last)
            #expect(last.from == .rechazada && last.to == "purgada")
            // Purged once: a second purge finds nothing.
            #expect(try store.purge(olderThanDays: 30) == 0)
        }
    }

    /// The bytes of `needle` anywhere in the database file, its write-ahead log or the photos.
    private func filesHold(_ needle: String, _ bench: NovedadBench) throws -> [String] {
        let folder = bench.store.directory.path
        var paths = [bench.store.path, bench.store.path + "-wal"]
        paths += try bench.storedFiles().map { bench.attachmentsFolder + "/" + $0 }
        return try paths.filter { path in
            guard FileManager.default.fileExists(atPath: path) else { return false }
            return Data(try bytes(at: path)).range(of: Data(needle.utf8)) != nil
        }.map { String($0.dropFirst(folder.count + 1)) }
    }

    @Test func purgedValuesAreGoneFromTheFilesNotOnlyFromTheTables() throws {
        try withNovedadBench { bench in
            _ = try sentNovedad(bench, sentAt: start - day, radicado: "TER-2026-000010", photo: try photo(bench, "a.png", width: 3))
            _ = try rejectedNovedad(bench, rejectedAt: start - day, name: "Zacarías Quintero Ybarra", phone: "317 555 0199",
                                    photo: try photo(bench, "b.png", width: 4))
            var trashed = NovedadChanges.complete
            trashed.contactName = "Eufrasia Villamizar"
            trashed.contactPhone = "312 555 0142"
            trashed.consentTextVersion = "v1"
            let draft = try bench.novedades(at: start - day).create(trashed)
            try bench.novedades(at: start - day).delete(draft.id)
            // Edited several times before: old versions of a row are what free pages keep.
            for attempt in 1...3 {
                var changes = NovedadChanges()
                changes.neighborhood = "Barrio \(attempt)"
                _ = try bench.novedades().update(try bench.completeDraft().id, changes)
            }
            let needles = ["Rosa Díaz", "555 1234", "Zacarías Quintero", "Quintero Ybarra", "555 0199", "Villamizar", "555 0142"]
            for needle in needles { #expect(try !filesHold(needle, bench).isEmpty, "\(needle) before the purge") }

            #expect(try bench.novedades(at: start).purge(olderThanDays: 0) == 2)
            #expect(try bench.novedades().trash().isEmpty)
            for needle in needles { #expect(try filesHold(needle, bench).isEmpty, "\(needle)") }
            // The write-ahead log was emptied.
            let wal = try FileManager.default.attributesOfItem(atPath: bench.store.path + "-wal")[.size] as? Int
            #expect(wal == 0)
        }
    }

    @Test func theDefaultRetentionIs30Days() {
        #expect(RetentionPolicy.defaultDays == 30)
    }
}
