import Foundation
import Testing
@testable import TerritorioModel

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
            for (index, state) in [NovedadState.borrador, .enCola, .enviando, .rechazada].enumerated() {
                let draft = try bench.completeDraft({ changes in
                    changes.contactName = "Rosa Díaz"
                    changes.consentTextVersion = "v1"
                    changes.coordinates = Coordinates(latitude: 4.6, longitude: -74.1)
                }, attachments: [try photo(bench, "foto-\(index).png", width: 3 + index)], at: long)
                let store = bench.novedades(at: long)
                if state != .borrador { _ = try store.enqueue(draft.id) }
                if state == .enviando || state == .rechazada { try store.beginSending(draft.id) }
                if state == .rechazada { try store.recordRejected(draft.id, reason: "incompleta") }
                #expect(try store.novedad(draft.id).state == state)
                ids.append(draft.id)
            }
            let dump = try bench.dump()
            let files = try bench.storedFiles()
            #expect(try bench.novedades(at: start).purge(olderThanDays: 30) == 0)
            #expect(try bench.dump() == dump)
            #expect(try bench.storedFiles() == files)
            #expect(files.count == 4)
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

    @Test func theDefaultRetentionIs30Days() {
        #expect(RetentionPolicy.defaultDays == 30)
    }
}
