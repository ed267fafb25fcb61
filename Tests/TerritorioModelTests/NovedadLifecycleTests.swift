import Foundation
import Testing
@testable import TerritorioModel
import TerritorioTestSupport

/// The lifecycle of docs/diseno.md "Novedad lifecycle" through `NovedadStore`: every transition the
/// store allows, every one it refuses (changing nothing), the payload frozen at `encolar`, the
/// audit trail, and the field rules of a draft (references, clearing, coordinates, limits,
/// control characters, consent), prefix ids, counts and lists.
@Suite struct NovedadLifecycleTests {
    private let start = NovedadBench.start
    private let hour: TimeInterval = 3_600

    // MARK: - Drafts

    @Test func aNewDraftIsABorradorWithItsTrailStarted() throws {
        try withNovedadBench { bench in
            let draft = try bench.novedades().create(NovedadChanges())
            #expect(draft.state == .borrador)
            #expect(draft.id == draft.id.lowercased())
            #expect(UUID(uuidString: draft.id) != nil)
            #expect(draft.createdAt == "2026-11-18T11:06:40Z")
            #expect(draft.updatedAt == draft.createdAt)
            #expect(draft.observedAt == draft.createdAt)
            #expect(draft.author == NovedadBench.profileName)
            #expect(draft.catalogueVersion == "prueba-1")
            #expect(draft.description.isEmpty && draft.type == nil && draft.attachments.isEmpty && draft.contact == nil)
            #expect(draft.outbox == OutboxStatus())
            #expect(try bench.payload(draft.id) == nil)
            let trail = try bench.novedades().transitions(of: draft.id)
            #expect(trail.count == 1)
            #expect(trail.first?.from == nil && trail.first?.to == "borrador" && trail.first?.at == "2026-11-18T11:06:40Z")
        }
    }

    @Test func anEditUpdatesTheDraftAndItsTime() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            var changes = NovedadChanges()
            changes.neighborhood = "  Patio Bonito  "
            let edited = try bench.novedades(at: start + hour).update(draft.id, changes)
            #expect(edited.neighborhood == "Patio Bonito")
            #expect(edited.updatedAt == Timestamp.string(from: start + hour))
            #expect(edited.createdAt == draft.createdAt)
            #expect(edited.description == draft.description)
            // An edit is not a transition.
            #expect(try bench.novedades().transitions(of: draft.id).count == 1)
        }
    }

    @Test func operationsOnAnUnknownIdAreRefused() throws {
        try withNovedadBench { bench in
            let store = bench.novedades()
            let missing = "0123abcd-0000-4000-8000-000000000000"
            #expect(throws: NovedadError.notFound(missing)) { try store.novedad(missing) }
            #expect(throws: NovedadError.notFound(missing)) { try store.update(missing, NovedadChanges.complete) }
            #expect(throws: NovedadError.notFound(missing)) { try store.enqueue(missing) }
            #expect(throws: NovedadError.notFound(missing)) { try store.delete(missing) }
            #expect(throws: NovedadError.notFound(missing)) { try store.beginSending(missing) }
            let list = try store.list()
            #expect(list.isEmpty)
            #expect(NovedadError.notFound(missing).message.contains("No hay una novedad con id «\(missing)»"))
        }
    }

    // MARK: - Refused transitions

    /// What can be asked of a novedad, and in which states the store allows it.
    enum Operation: String, CaseIterable, Sendable {
        case editar, adjuntar, quitarAdjunto = "quitar-adjunto", borrar, encolar, desencolar, corregir
        case enviar, fallaTransitoria = "falla-transitoria", marcarEnviada = "marcar-enviada", marcarRechazada = "marcar-rechazada"

        static func allowed(in state: NovedadState) -> Set<Operation> {
            switch state {
            case .borrador: [.editar, .adjuntar, .quitarAdjunto, .borrar, .encolar]
            case .enCola: [.desencolar, .enviar]
            case .enviando: [.fallaTransitoria, .marcarEnviada, .marcarRechazada]
            case .enviada: []
            case .rechazada: [.corregir]
            }
        }

        func perform(on novedad: Novedad, with store: NovedadStore, photo: String) throws {
            let id = novedad.id
            switch self {
            case .editar:
                var changes = NovedadChanges()
                changes.neighborhood = "Patio Bonito"
                _ = try store.update(id, changes)
            case .adjuntar: _ = try store.attach(id, path: photo)
            case .quitarAdjunto: _ = try store.removeAttachment(id, hashPrefix: novedad.attachments[0].sha256)
            case .borrar: try store.delete(id)
            case .encolar: _ = try store.enqueue(id)
            case .desencolar: _ = try store.dequeue(id)
            case .corregir: _ = try store.correct(id)
            case .enviar: try store.beginSending(id)
            case .fallaTransitoria:
                try store.recordTransientFailure(id, error: "sin conexión", nextAttempt: NovedadBench.start + 7_200)
            case .marcarEnviada: try store.recordSent(id, radicado: "TER-2026-000099")
            case .marcarRechazada: try store.recordRejected(id, reason: "duplicada")
            }
        }
    }

    @Test("every operation a state does not allow is refused and changes nothing", arguments: NovedadState.allCases)
    func refusedOperationsChangeNothing(state: NovedadState) throws {
        try withNovedadBench { bench in
            let novedad = try bench.novedad(in: state)
            let photo = try bench.file("otra.png", PNGBuilder.png(width: 9, height: 2, gps: false).bytes)
            let json = try bench.json(novedad.id)
            let dump = try bench.dump()
            let files = try bench.storedFiles()
            // A later clock: any write would show in `actualizada_en`.
            let store = bench.novedades(at: start + hour)
            for operation in Operation.allCases where !Operation.allowed(in: state).contains(operation) {
                let error = #expect(throws: NovedadError.self, "\(operation.rawValue) en \(state.rawValue)") {
                    try operation.perform(on: novedad, with: store, photo: photo)
                }
                #expect(refusedState(error) == state, "\(operation.rawValue) en \(state.rawValue): \(String(describing: error))")
                #expect(error?.message.contains("no se puede") == true, "\(String(describing: error?.message))")
                #expect(try bench.json(novedad.id) == json, "\(operation.rawValue) en \(state.rawValue)")
                #expect(try bench.dump() == dump, "\(operation.rawValue) en \(state.rawValue)")
                #expect(try bench.storedFiles() == files, "\(operation.rawValue) en \(state.rawValue)")
            }
        }
    }

    @Test func aQueuedNovedadRefusesEveryEditWithAMessageThatSaysWhy() throws {
        try withNovedadBench { bench in
            let queued = try bench.novedad(in: .enCola)
            var changes = NovedadChanges()
            changes.description = "Otra descripción que es suficientemente larga."
            let error = #expect(throws: NovedadError.self) { try bench.novedades().update(queued.id, changes) }
            #expect(error == .wrongState(id: queued.id, state: .enCola, operation: "editar"))
            let message = try #require(error?.message)
            #expect(message.contains("está en cola: no se puede editar"))
            #expect(message.contains("territorio novedad desencolar \(queued.id.prefix(8))"))
            let rejected = try bench.novedad(in: .rechazada)
            let rejectedError = #expect(throws: NovedadError.self) { try bench.novedades().update(rejected.id, changes) }
            #expect(rejectedError?.message.contains("territorio novedad corregir \(rejected.id.prefix(8))") == true)
        }
    }

    // MARK: - Allowed transitions

    @Test func encolarFreezesThePayloadAndNothingAfterwardsChangesIt() throws {
        try withNovedadBench { bench in
            let photo = try bench.file("foto.png", PNGBuilder.png(width: 6, height: 5, gps: false).bytes)
            let draft = try bench.completeDraft({ $0.neighborhood = "Kennedy Central"; $0.urgency = "inmediata" }, attachments: [photo])
            let store = bench.novedades(at: start + hour)
            let queued = try store.enqueue(draft.id)
            #expect(queued.state == .enCola)
            #expect(queued.updatedAt == Timestamp.string(from: start + hour))
            let frozen = try #require(try bench.payload(draft.id))
            #expect(frozen == JSONWriter.string(queued.payload))
            let payload = try JSONParser.parse(frozen)
            #expect(payload["id"] == .string(draft.id))
            #expect(payload["descripcion"] == .string(draft.description))
            #expect(payload["barrio"] == .string("Kennedy Central"))
            #expect(payload["autor"] == .string(NovedadBench.profileName))
            #expect(payload["adjuntos"]?.arrayCount == 1)
            #expect(frozen.contains(draft.attachments[0].sha256))
            // Only what is sent: no state, no local times that change.
            #expect(payload["estado"] == nil && payload["actualizada_en"] == nil && payload["intentos"] == nil)

            // Nothing after encolar touches those bytes: the profile, a new catalogue, sending, failing, recovering, sending.
            try bench.saveProfile(name: "Otro Gestor", entity: "sds")
            try bench.store.catalogue.replace(with: try CatalogueReader.read(bytes:
                try Fixtures.smallCatalogueDocument().replacing("version", with: .string("prueba-2")).bytes))
            try store.beginSending(draft.id)
            #expect(try bench.payload(draft.id) == frozen)
            try store.recordTransientFailure(draft.id, error: "tiempo de espera agotado", nextAttempt: start + 2 * hour)
            #expect(try bench.payload(draft.id) == frozen)
            try store.beginSending(draft.id)
            #expect(try store.recoverInterruptedSends() == 1)
            #expect(try bench.payload(draft.id) == frozen)
            try store.beginSending(draft.id)
            try store.recordSent(draft.id, radicado: "TER-2026-000123")
            #expect(try bench.payload(draft.id) == frozen)
            #expect(try store.novedad(draft.id).author == NovedadBench.profileName)
        }
    }

    @Test func encolarRecordsTheCurrentProfileAsAuthor() throws {
        try withNovedadBench(profile: false) { bench in
            let draft = try bench.completeDraft()
            #expect(draft.author == nil)
            try bench.saveProfile(name: "Luis Pérez", entity: "idipron")
            let queued = try bench.novedades().enqueue(draft.id)
            #expect(queued.author == "Luis Pérez")
            #expect(try JSONParser.parse(try #require(try bench.payload(draft.id)))["autor"] == .string("Luis Pérez"))
        }
    }

    @Test func desencolarReturnsADraftWhenNoSendWasAttempted() throws {
        try withNovedadBench { bench in
            let queued = try bench.novedad(in: .enCola)
            let frozen = try #require(try bench.payload(queued.id))
            let store = bench.novedades(at: start + hour)
            let draft = try store.dequeue(String(queued.id.prefix(6)))
            #expect(draft.state == .borrador)
            #expect(draft.updatedAt == Timestamp.string(from: start + hour))
            #expect(try bench.payload(queued.id) == nil)
            // Editable again, and queued again with the new bytes.
            var changes = NovedadChanges()
            changes.address = "Calle 38 sur # 78-10"
            _ = try store.update(queued.id, changes)
            _ = try store.enqueue(queued.id)
            let refrozen = try #require(try bench.payload(queued.id))
            #expect(refrozen != frozen)
            #expect(refrozen.contains("Calle 38 sur # 78-10"))
            let trail = try store.transitions(of: queued.id).map { "\($0.from?.rawValue ?? "-")>\($0.to)" }
            #expect(trail == ["->borrador", "borrador>en_cola", "en_cola>borrador", "borrador>en_cola"])
        }
    }

    @Test func desencolarIsRefusedOnceASendWasAttempted() throws {
        try withNovedadBench { bench in
            let queued = try bench.novedad(in: .enCola)
            let store = bench.novedades()
            try store.beginSending(queued.id)
            try store.recordTransientFailure(queued.id, error: "servidor ocupado", nextAttempt: start + hour)
            #expect(try store.novedad(queued.id).state == .enCola)
            let json = try bench.json(queued.id)
            let dump = try bench.dump()
            let error = #expect(throws: NovedadError.self) { try bench.novedades(at: start + hour).dequeue(queued.id) }
            guard case .invalidValue(let field, _)? = error else {
                Issue.record("expected invalidValue, got \(String(describing: error))")
                return
            }
            #expect(field == "estado")
            #expect(error?.message.contains("ya se intentó enviar") == true)
            #expect(try bench.json(queued.id) == json)
            #expect(try bench.dump() == dump)
        }
    }

    @Test func aTransientFailureRequeuesWithAttemptsErrorAndNextRetry() throws {
        try withNovedadBench { bench in
            let queued = try bench.novedad(in: .enCola)
            let store = bench.novedades(at: start + hour)
            try store.beginSending(queued.id)
            let sending = try store.novedad(queued.id)
            #expect(sending.state == .enviando)
            #expect(sending.outbox.attempts == 1 && sending.outbox.sendAttempted)
            try store.recordTransientFailure(queued.id, error: "sin conexión con el servidor", nextAttempt: start + 2 * hour)
            let failed = try store.novedad(queued.id)
            #expect(failed.state == .enCola)
            #expect(failed.outbox.attempts == 1)
            #expect(failed.outbox.lastError == "sin conexión con el servidor")
            #expect(failed.outbox.nextAttempt == Timestamp.string(from: start + 2 * hour))
            let json = failed.json
            #expect(json["intentos"] == .integer(1))
            #expect(json["ultimo_error"] == .string("sin conexión con el servidor"))
            #expect(json["proximo_intento"] == .string(Timestamp.string(from: start + 2 * hour)))
            #expect(json["radicado"] == .null)

            try store.beginSending(queued.id)
            #expect(try store.novedad(queued.id).outbox.attempts == 2)
            try bench.novedades(at: start + 3 * hour).recordSent(queued.id, radicado: "TER-2026-000042")
            let sent = try store.novedad(queued.id)
            #expect(sent.state == .enviada)
            #expect(sent.outbox.radicado == "TER-2026-000042")
            #expect(sent.outbox.sentAt == Timestamp.string(from: start + 3 * hour))
            #expect(sent.outbox.lastError == nil && sent.outbox.nextAttempt == nil)
            #expect(sent.outbox.attempts == 2)
            #expect(sent.json["radicado"] == .string("TER-2026-000042"))
        }
    }

    @Test func aRejectedNovedadIsReadOnlyWithItsReason() throws {
        try withNovedadBench { bench in
            let rejected = try bench.novedad(in: .rechazada)
            #expect(rejected.state == .rechazada)
            #expect(rejected.outbox.rejectionReason == "La dirección no existe en la localidad indicada")
            #expect(rejected.json["motivo_rechazo"] == .string("La dirección no existe en la localidad indicada"))
            #expect(rejected.outbox.nextAttempt == nil && rejected.outbox.radicado == nil)
        }
    }

    @Test func corregirMakesANewDraftCopyingFieldsAndAttachments() throws {
        try withNovedadBench { bench in
            let photo = try bench.file("evidencia.png", PNGBuilder.png(width: 7, height: 3, gps: false).bytes)
            let original = try bench.completeDraft({ changes in
                changes.neighborhood = "Timiza"
                changes.address = "Carrera 72 # 40-15 sur"
                changes.coordinates = Coordinates(latitude: 4.6097, longitude: -74.1469)
                changes.urgency = "inmediata"
                changes.populationGroups = ["mujeres"]
                changes.route = "violencia-mujer-peligro"
                changes.contactName = "Rosa Díaz"
                changes.contactPhone = "300 555 1234"
                changes.consentTextVersion = "v1"
            }, attachments: [photo])
            let store = bench.novedades()
            _ = try store.enqueue(original.id)
            try store.beginSending(original.id)
            try store.recordRejected(original.id, reason: "falta el barrio exacto")
            let rejectedJSON = try bench.json(original.id)
            let filesBefore = try bench.storedFiles()

            let correction = try bench.novedades(at: start + hour).correct(String(original.id.prefix(8)))
            #expect(correction.id != original.id)
            #expect(correction.id == correction.id.lowercased() && UUID(uuidString: correction.id) != nil)
            #expect(correction.state == .borrador)
            #expect(correction.corrects == original.id)
            #expect(correction.json["corrige"] == .string(original.id))
            #expect(correction.type == original.type && correction.entity == original.entity)
            #expect(correction.localidad == original.localidad && correction.neighborhood == original.neighborhood)
            #expect(correction.address == original.address && correction.coordinates == original.coordinates)
            #expect(correction.description == original.description && correction.urgency == original.urgency)
            #expect(correction.populationGroups == original.populationGroups && correction.route == original.route)
            #expect(correction.observedAt == original.observedAt && correction.contact == original.contact)
            #expect(correction.attachments == original.attachments)
            #expect(correction.createdAt == Timestamp.string(from: start + hour))
            #expect(correction.outbox == OutboxStatus())
            #expect(try bench.payload(correction.id) == nil)
            // The rejected one stays exactly as it was; the photo is not copied again.
            #expect(try bench.json(original.id) == rejectedJSON)
            #expect(try bench.storedFiles() == filesBefore)
            let trail = try store.transitions(of: correction.id)
            #expect(trail.count == 1)
            #expect(trail.first?.from == nil && trail.first?.to == "borrador" && trail.first?.detail == "corrige \(original.id)")
            // The correction is an ordinary draft: editable and queueable.
            var changes = NovedadChanges()
            changes.neighborhood = "Timiza B"
            _ = try store.update(correction.id, changes)
            #expect(try store.enqueue(correction.id).state == .enCola)
        }
    }

    @Test func borrarMovesTheDraftToThePapeleraWithItsPhotosAndRestaurarBringsItBack() throws {
        try withNovedadBench { bench in
            let photo = try bench.file("foto.png", PNGBuilder.png(width: 3, height: 3, gps: false).bytes)
            let draft = try bench.completeDraft(attachments: [photo])
            let store = bench.novedades(at: start + hour)
            try store.delete(String(draft.id.prefix(5)))
            #expect(try store.list().isEmpty && store.list(state: .borrador).isEmpty)
            #expect(try store.counts()[.borrador] == nil)
            #expect(try store.trash().map(\.id) == [draft.id])
            #expect(try store.novedad(draft.id).trashedAt == Timestamp.string(from: start + hour))
            #expect(throws: NovedadError.inTrash(id: draft.id, operation: "encolar")) { try store.enqueue(draft.id) }
            #expect(throws: NovedadError.inTrash(id: draft.id, operation: "borrar")) { try store.delete(draft.id) }
            // Its photo stays while it is in the papelera.
            #expect(try store.collectGarbage() == 0)
            #expect(try bench.storedFiles() == [draft.attachments[0].sha256])

            let restored = try store.restore(String(draft.id.prefix(6)))
            #expect(restored.trashedAt == nil && restored.state == .borrador && restored.attachments == draft.attachments)
            #expect(restored.description == draft.description)
            #expect(try store.list().map(\.id) == [draft.id] && store.trash().isEmpty)
            #expect(throws: NovedadError.notInTrash(draft.id)) { try store.restore(draft.id) }
            let trail = try store.transitions(of: draft.id)
            #expect(trail.map(\.to) == ["borrador", "papelera", "borrador"])
            #expect(trail[1].from == .borrador && trail[1].at == Timestamp.string(from: start + hour))
        }
    }

    @Test func theRetentionPurgeEmptiesThePapeleraAfter30DaysAndThenThePhotosGo() throws {
        try withNovedadBench { bench in
            let photo = try bench.file("foto.png", PNGBuilder.png(width: 3, height: 3, gps: false).bytes)
            let draft = try bench.completeDraft(attachments: [photo])
            try bench.novedades(at: start + hour).delete(draft.id)
            let days = Double(RetentionPolicy.defaultDays) * 86_400
            #expect(try bench.novedades(at: start + days).purge(olderThanDays: RetentionPolicy.defaultDays) == 0)
            #expect(try bench.novedades(at: start + days).trash().map(\.id) == [draft.id], "29 days and 23 hours: kept")
            let later = bench.novedades(at: start + hour + days)
            _ = try later.purge(olderThanDays: RetentionPolicy.defaultDays)
            #expect(try later.trash().isEmpty)
            #expect(throws: NovedadError.notFound(draft.id)) { try later.novedad(draft.id) }
            #expect(try later.transitions(of: draft.id).map(\.to) == ["borrador", "papelera", "borrada"])
            #expect(try bench.storedFiles().isEmpty)
        }
    }

    @Test func recoverInterruptedSendsRequeuesOnlyWhatWasBeingSent() throws {
        try withNovedadBench { bench in
            let first = try bench.novedad(in: .enviando)
            let second = try bench.novedad(in: .enviando)
            let queued = try bench.novedad(in: .enCola)
            let sent = try bench.novedad(in: .enviada)
            let others = try [queued.id, sent.id].map(bench.json)
            let store = bench.novedades(at: start + hour)
            #expect(try store.recoverInterruptedSends() == 2)
            for id in [first.id, second.id] {
                let novedad = try store.novedad(id)
                #expect(novedad.state == .enCola)
                #expect(novedad.outbox.attempts == 1 && novedad.outbox.sendAttempted)
                let last = try #require(try store.transitions(of: id).last)
                #expect(last.from == .enviando && last.to == "en_cola" && last.detail == "recuperada tras una interrupción")
                #expect(last.at == Timestamp.string(from: start + hour))
            }
            #expect(try [queued.id, sent.id].map(bench.json) == others)
            // Recovered ones were attempted: they cannot go back to draft.
            #expect(throws: NovedadError.self) { try store.dequeue(first.id) }
            #expect(try store.recoverInterruptedSends() == 0)
        }
    }

    @Test func theAuditTrailRecordsEveryTransitionWithItsTime() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            let times = (1...6).map { start + Double($0) * hour }
            _ = try bench.novedades(at: times[0]).enqueue(draft.id)
            try bench.novedades(at: times[1]).beginSending(draft.id)
            try bench.novedades(at: times[2]).recordTransientFailure(draft.id, error: "HTTP 503", nextAttempt: times[3])
            try bench.novedades(at: times[3]).beginSending(draft.id)
            try bench.novedades(at: times[4]).recordSent(draft.id, radicado: "TER-2026-000007")
            let trail = try bench.novedades().transitions(of: draft.id)
            #expect(trail.map { $0.from?.rawValue } == [nil, "borrador", "en_cola", "enviando", "en_cola", "enviando"])
            #expect(trail.map(\.to) == ["borrador", "en_cola", "enviando", "en_cola", "enviando", "enviada"])
            #expect(trail.map(\.at) == ([start] + times.prefix(5)).map(Timestamp.string(from:)))
            #expect(trail[3].detail == "HTTP 503")
            #expect(trail[5].detail == "TER-2026-000007")
            // Each transition is its own row, in the order they happened.
            #expect(try bench.database.scalar("SELECT count(*) FROM transiciones WHERE novedad = ?", [draft.id], as: Int.self) == 6)
        }
    }

    // MARK: - Entity from the type

    @Test func aTypeBringsItsUsualEntity() throws {
        try withNovedadBench { bench in
            var changes = NovedadChanges()
            changes.type = "habitante-calle"
            let draft = try bench.novedades().create(changes)
            #expect(draft.entity == "sdis")
            changes.type = "violencia-mujer"
            #expect(try bench.novedades().update(draft.id, changes).entity == "sdmujer")
        }
    }

    @Test func anExplicitEntityWinsOverTheTypesEntity() throws {
        try withNovedadBench { bench in
            var changes = NovedadChanges()
            changes.type = "habitante-calle"
            changes.entity = "idipron"
            let draft = try bench.novedades().create(changes)
            #expect(draft.type == "habitante-calle" && draft.entity == "idipron")
            // Changing only the entity keeps the type; changing only other fields keeps the entity.
            var entityOnly = NovedadChanges()
            entityOnly.entity = "sds"
            #expect(try bench.novedades().update(draft.id, entityOnly).entity == "sds")
            var other = NovedadChanges()
            other.neighborhood = "Santa Fe"
            let edited = try bench.novedades().update(draft.id, other)
            #expect(edited.type == "habitante-calle" && edited.entity == "sds")
        }
    }

    // MARK: - Clearing fields

    @Test func emptyTextClearsAField() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { changes in
                changes.entity = "sds"
                changes.urgency = "baja"
                changes.neighborhood = "Bosa"
                changes.address = "Calle 1"
                changes.coordinates = Coordinates(latitude: 4.6, longitude: -74.1)
                changes.populationGroups = ["mujeres", "habitantes-de-calle"]
                changes.route = "riesgo-suicida"
                changes.contactName = "Pedro"
                changes.contactPhone = "3001234567"
                changes.consentTextVersion = "v2"
            }
            #expect(draft.contact?.consent != nil && draft.coordinates != nil && draft.populationGroups.count == 2)
            var clear = NovedadChanges()
            clear.type = ""
            clear.entity = ""
            clear.localidad = ""
            clear.urgency = ""
            clear.neighborhood = ""
            clear.address = "   "
            clear.clearCoordinates = true
            clear.description = ""
            clear.populationGroups = []
            clear.route = ""
            clear.contactName = ""
            clear.contactPhone = ""
            clear.consentTextVersion = ""
            let cleared = try bench.novedades().update(draft.id, clear)
            #expect(cleared.type == nil && cleared.entity == nil && cleared.localidad == nil && cleared.urgency == nil)
            #expect(cleared.neighborhood == nil && cleared.address == nil && cleared.coordinates == nil)
            #expect(cleared.description == "" && cleared.populationGroups.isEmpty && cleared.route == nil)
            #expect(cleared.contact == nil)
            let json = cleared.json
            for key in ["tipo", "entidad", "localidad", "urgencia", "barrio", "direccion", "coordenadas", "ruta", "contacto"] {
                #expect(json[key] == .null, "\(key)")
            }
        }
    }

    @Test func fieldsLeftNilAreKept() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { $0.neighborhood = "Castilla" }
            let edited = try bench.novedades().update(draft.id, NovedadChanges())
            #expect(edited.type == draft.type && edited.localidad == draft.localidad)
            #expect(edited.neighborhood == "Castilla" && edited.description == draft.description)
        }
    }

    // MARK: - Coordinates

    @Test("coordinates are parsed from LAT,LON", arguments: [
        ("4.6097,-74.0817", 4.6097, -74.0817), (" 4.6097 , -74.0817 ", 4.6097, -74.0817), ("-33.45,-70.66", -33.45, -70.66),
        ("90,180", 90, 180), ("-90,-180", -90, -180), ("0,0", 0, 0), ("4,-74", 4, -74),
    ])
    func coordinatesParse(text: String, latitude: Double, longitude: Double) throws {
        #expect(try Coordinates.parse(text) == Coordinates(latitude: latitude, longitude: longitude))
    }

    @Test("malformed or out-of-range coordinates are refused", arguments: [
        "", "4.6097", "4.6097;-74.0817", "4.6097,-74.0817,2600", "cuatro,-74", "4.6097,", ",-74.08", "91,0", "-90.0001,0",
        "0,180.5", "0,-181", "nan,-74", "4.6,inf", "4°35'N,74°4'W",
    ])
    func coordinatesRefused(text: String) throws {
        let error = #expect(throws: NovedadError.self) { try Coordinates.parse(text) }
        guard case .invalidValue(let field, let reason)? = error else {
            Issue.record("expected invalidValue for «\(text)», got \(String(describing: error))")
            return
        }
        #expect(field == "coordenadas")
        #expect(reason.contains("latitud") || reason.contains("LATITUD"))
    }

    @Test("a point outside the Bogotá box is allowed but flagged", arguments: [
        (4.5981, -74.0760, true), (4.7110, -74.0721, true), (3.9500, -74.2000, true), (3.70, -74.50, true), (4.85, -73.95, true),
        (6.2442, -75.5812, false), (-74.0760, 4.5981, false), (4.5981, 74.0760, false), (3.69, -74.1, false), (4.6, -73.94, false),
    ])
    func bogotaBox(latitude: Double, longitude: Double, inside: Bool) throws {
        #expect(Coordinates(latitude: latitude, longitude: longitude).isInsideBogota == inside)
        try withNovedadBench { bench in
            var changes = NovedadChanges()
            changes.coordinates = try Coordinates.parse("\(latitude),\(longitude)")
            let draft = try bench.novedades().create(changes)
            #expect(draft.coordinates == Coordinates(latitude: latitude, longitude: longitude))
            #expect(draft.json["coordenadas"]?["lat"] == .double(latitude))
        }
    }

    // MARK: - Text limits and control characters

    @Test func descriptionUpTo5000CharactersIsAcceptedAndLongerRefused() throws {
        try withNovedadBench { bench in
            let store = bench.novedades()
            let draft = try store.create(NovedadChanges())
            var changes = NovedadChanges()
            // Characters, not bytes: "ñ" is two bytes, "é" written as e + combining accent is one character.
            changes.description = "  " + String(repeating: "ñ", count: 4_999) + "e\u{301}" + "\n  "
            let long = try store.update(draft.id, changes)
            #expect(long.description.count == 5_000)
            #expect(!long.description.hasPrefix(" ") && !long.description.hasSuffix("\n"))
            let json = try bench.json(draft.id)
            changes.description = String(repeating: "a", count: 5_001)
            let error = #expect(throws: NovedadError.self) { try store.update(draft.id, changes) }
            #expect(error == .invalidValue(field: "descripcion", reason: "puede tener a lo sumo 5000 caracteres y tiene 5001"))
            #expect(error?.message == "Valor no válido en descripcion: puede tener a lo sumo 5000 caracteres y tiene 5001.")
            #expect(try bench.json(draft.id) == json)
        }
    }

    @Test("short texts are limited to 300 characters", arguments: ["barrio", "direccion", "contacto-nombre"])
    func shortTextLimit(field: String) throws {
        try withNovedadBench { bench in
            let store = bench.novedades()
            let draft = try store.create(NovedadChanges())
            func changes(_ text: String) -> NovedadChanges {
                var changes = NovedadChanges()
                switch field {
                case "barrio": changes.neighborhood = text
                case "direccion": changes.address = text
                default:
                    changes.contactName = text
                    changes.consentTextVersion = "v1"
                }
                return changes
            }
            _ = try store.update(draft.id, changes(String(repeating: "x", count: 300)))
            let json = try bench.json(draft.id)
            let error = #expect(throws: NovedadError.self) { try store.update(draft.id, changes(String(repeating: "x", count: 301))) }
            #expect(error == .invalidValue(field: field, reason: "puede tener a lo sumo 300 caracteres y tiene 301"))
            #expect(try bench.json(draft.id) == json)
        }
    }

    @Test("control characters are refused", arguments: [
        ("barrio", "Patio\u{07}Bonito", "U+0007"), ("barrio", "Patio\nBonito", "U+000A"), ("direccion", "Calle\t5", "U+0009"),
        ("descripcion", "Texto con escape \u{1B}[31m rojo y bastante largo", "U+001B"),
        ("descripcion", "Una línea\r\notra línea, bastante largo todo", "U+000D"),
        ("descripcion", "Borrado \u{7F} en medio de un texto largo", "U+007F"),
        ("descripcion", "Siguiente línea \u{85} en medio de un texto largo", "U+0085"),
        ("descripcion", "Nulo \u{0} en medio de un texto bastante largo", "U+0000"),
        ("contacto-nombre", "Rosa\u{9B}Díaz", "U+009B"), ("consentimiento", "v1\u{08}", "U+0008"),
    ])
    func controlCharactersRefused(field: String, text: String, code: String) throws {
        try withNovedadBench { bench in
            let store = bench.novedades()
            let draft = try bench.completeDraft { $0.contactName = "Rosa"; $0.consentTextVersion = "v1" }
            var changes = NovedadChanges()
            switch field {
            case "barrio": changes.neighborhood = text
            case "direccion": changes.address = text
            case "descripcion": changes.description = text
            case "contacto-nombre": changes.contactName = text
            default: changes.consentTextVersion = text
            }
            let json = try bench.json(draft.id)
            let error = #expect(throws: NovedadError.self) { try store.update(draft.id, changes) }
            #expect(error == .invalidValue(field: field, reason: "contiene un carácter de control (\(code))"))
            #expect(try bench.json(draft.id) == json)
            // Creating with it is refused too, and creates nothing.
            #expect(throws: NovedadError.self) { try store.create(changes) }
            #expect(try store.list().map(\.id) == [draft.id])
        }
    }

    @Test func aDescriptionMayHaveLineBreaksAndTabs() throws {
        try withNovedadBench { bench in
            var changes = NovedadChanges()
            changes.description = "Primera línea del reporte.\n\tSegunda línea, con sangría."
            let draft = try bench.novedades().create(changes)
            #expect(draft.description == "Primera línea del reporte.\n\tSegunda línea, con sangría.")
        }
    }

    // MARK: - References

    @Test("unknown reference ids are refused and change nothing", arguments: [
        ("tipo de novedad", "hueco-en-la-via"), ("entidad", "sdm"), ("localidad", "bosa"), ("urgencia", "alta"),
        ("población", "ninos"), ("ruta", "no-existe"), ("localidad", "Kennedy"),
    ])
    func unknownReferencesRefused(field: String, value: String) throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            var changes = NovedadChanges()
            switch field {
            case "tipo de novedad": changes.type = value
            case "entidad": changes.entity = value
            case "localidad": changes.localidad = value
            case "urgencia": changes.urgency = value
            case "población": changes.populationGroups = ["mujeres", value]
            default: changes.route = value
            }
            let json = try bench.json(draft.id)
            let dump = try bench.dump()
            let error = #expect(throws: NovedadError.self) { try bench.novedades(at: start + hour).update(draft.id, changes) }
            guard case .invalidValue(let reportedField, let reason)? = error else {
                Issue.record("expected invalidValue, got \(String(describing: error))")
                return
            }
            #expect(reportedField == field)
            #expect(reason.contains("«\(value)»"))
            #expect(try bench.json(draft.id) == json)
            #expect(try bench.dump() == dump)
        }
    }

    @Test func knownReferencesAreStoredAsIds() throws {
        try withNovedadBench { bench in
            var changes = NovedadChanges.complete
            changes.urgency = "inmediata"
            changes.populationGroups = ["mujeres", "habitantes-de-calle"]
            changes.route = " riesgo-suicida "
            let draft = try bench.novedades().create(changes)
            #expect(draft.urgency == "inmediata" && draft.route == "riesgo-suicida")
            #expect(draft.populationGroups == ["mujeres", "habitantes-de-calle"])
            #expect(draft.json["poblaciones"] == .array([.string("mujeres"), .string("habitantes-de-calle")]))
        }
    }

    @Test("phone numbers", arguments: [
        ("300 555 1234", true), ("+57 (601) 555-1234", true), ("6015551234", true), ("1234567", true),
        ("123456", false), ("300-ABC-1234", false), ("llamar en la tarde", false), ("300 555 1234 ext 2", false),
    ])
    func phoneNumbers(text: String, accepted: Bool) throws {
        try withNovedadBench { bench in
            let draft = try bench.novedades().create(NovedadChanges())
            var changes = NovedadChanges()
            changes.contactPhone = text
            changes.consentTextVersion = "v1"
            if accepted {
                #expect(try bench.novedades().update(draft.id, changes).contact?.phone == text)
            } else {
                let json = try bench.json(draft.id)
                let error = #expect(throws: NovedadError.self) { try bench.novedades().update(draft.id, changes) }
                guard case .invalidValue(let field, let reason)? = error else {
                    Issue.record("expected invalidValue, got \(String(describing: error))")
                    return
                }
                #expect(field == "contacto-telefono" && reason.contains("no parece un teléfono"))
                #expect(try bench.json(draft.id) == json)
            }
        }
    }

    @Test
    func observedAtMustBeATimestamp() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            let json = try bench.json(draft.id)
            var changes = NovedadChanges()
            changes.observedAt = "ayer por la tarde"
            #expect(throws: NovedadError.self) { try bench.novedades().update(draft.id, changes) }
            #expect(try bench.json(draft.id) == json)
        }
    }

    // MARK: - Consent

    @Test func consentRecordsTheProfileAsTakerAndTheClockAsTime() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            #expect(draft.contact == nil)
            var changes = NovedadChanges()
            changes.contactName = "Rosa Díaz"
            changes.contactPhone = "3005551234"
            changes.consentTextVersion = " aviso-2026-01 "
            changes.contactIncludesSensitiveData = true
            changes.contactConcernsAChild = true
            let withConsent = try bench.novedades(at: start + 2 * hour).update(draft.id, changes)
            let contact = try #require(withConsent.contact)
            #expect(contact.consent == Consent(textVersion: "aviso-2026-01", takenBy: NovedadBench.profileName,
                                               takenAt: Timestamp.string(from: start + 2 * hour)))
            #expect(contact.includesSensitiveData && contact.concernsAChild)
            let consent = withConsent.json["contacto"]?["consentimiento"]
            #expect(consent?["tomado_por"] == .string(NovedadBench.profileName))
            #expect(consent?["tomado_en"] == .string("2026-11-18T13:06:40Z"))
            #expect(consent?["version_texto"] == .string("aviso-2026-01"))
            // A later change of profile does not rewrite who took it.
            try bench.saveProfile(name: "Otro Gestor", entity: "sds")
            #expect(try bench.novedades().novedad(draft.id).contact?.consent?.takenBy == NovedadBench.profileName)
            // The record cannot go while the data stays; both go together.
            var clear = NovedadChanges()
            clear.consentTextVersion = ""
            let json = try bench.json(draft.id)
            #expect(throws: NovedadError.contactWithoutConsent) { try bench.novedades().update(draft.id, clear) }
            #expect(try bench.json(draft.id) == json)
            clear.contactName = ""
            clear.contactPhone = ""
            #expect(try bench.novedades().update(draft.id, clear).contact == nil)
        }
    }

    @Test func marksNeedTheConsentTurnOffWithFalseAndGoWithTheConsent() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            let json = try bench.json(draft.id)
            var child = NovedadChanges()
            child.contactConcernsAChild = true
            #expect(throws: NovedadError.contactWithoutConsent) { try bench.novedades().update(draft.id, child) }
            #expect(try bench.json(draft.id) == json, "nothing of the refused change was kept")

            child.consentTextVersion = "aviso-2026"
            child.contactIncludesSensitiveData = true
            let marked = try #require(try bench.novedades().update(draft.id, child).contact)
            #expect(marked.concernsAChild && marked.includesSensitiveData && marked.name == nil)
            var off = NovedadChanges()
            off.contactIncludesSensitiveData = false
            let unmarked = try #require(try bench.novedades().update(draft.id, off).contact)
            #expect(!unmarked.includesSensitiveData && unmarked.concernsAChild, "false clears a mark, the other stays")

            // Without a consent a mark means nothing: it goes with the consent, unless the same
            // change sets it (refused).
            var clearAndMark = NovedadChanges()
            clearAndMark.consentTextVersion = ""
            clearAndMark.contactIncludesSensitiveData = true
            #expect(throws: NovedadError.contactWithoutConsent) { try bench.novedades().update(draft.id, clearAndMark) }
            var clear = NovedadChanges()
            clear.consentTextVersion = ""
            #expect(try bench.novedades().update(draft.id, clear).contact == nil)
            var consentAgain = NovedadChanges()
            consentAgain.consentTextVersion = "aviso-2026"
            let again = try #require(try bench.novedades().update(draft.id, consentAgain).contact)
            #expect(!again.concernsAChild && !again.includesSensitiveData, "the marks went with the consent")
        }
    }

    @Test func consentWithoutAProfileNameIsRefused() throws {
        try withNovedadBench(profile: false) { bench in
            try bench.saveProfile(name: nil, entity: "sdis")
            let draft = try bench.completeDraft()
            let json = try bench.json(draft.id)
            var changes = NovedadChanges()
            changes.contactName = "Rosa Díaz"
            changes.consentTextVersion = "v1"
            changes.neighborhood = "Timiza"
            let error = #expect(throws: NovedadError.self) { try bench.novedades().update(draft.id, changes) }
            guard case .invalidValue(let field, let reason)? = error else {
                Issue.record("expected invalidValue, got \(String(describing: error))")
                return
            }
            #expect(field == "consentimiento" && reason.contains("territorio perfil --nombre"))
            // Nothing of the same edit was written either.
            #expect(try bench.json(draft.id) == json)
        }
    }

    // MARK: - Ids

    /// Two drafts whose ids are set to share the prefix `abcd`.
    private func twoDraftsSharingAPrefix(_ bench: NovedadBench) throws -> (String, String) {
        let ids = ["abcd1111-0000-4000-8000-000000000001", "abcd2222-0000-4000-8000-000000000002"]
        for id in ids {
            let draft = try bench.novedades().create(NovedadChanges())
            try bench.database.execute("UPDATE novedades SET id = ? WHERE id = ?", [id, draft.id])
            try bench.database.execute("UPDATE transiciones SET novedad = ? WHERE novedad = ?", [id, draft.id])
        }
        return (ids[0], ids[1])
    }

    @Test func aUniquePrefixOfAtLeastFourCharactersResolves() throws {
        try withNovedadBench { bench in
            let (first, second) = try twoDraftsSharingAPrefix(bench)
            let store = bench.novedades()
            #expect(try store.resolve("abcd1") == first)
            #expect(try store.resolve("ABCD2222") == second)
            #expect(try store.resolve(first) == first)
            #expect(try store.resolve(first.uppercased()) == first)
            #expect(try store.novedad("abcd2").id == second)
        }
    }

    @Test func anAmbiguousPrefixIsRefusedWithTheCandidates() throws {
        try withNovedadBench { bench in
            _ = try twoDraftsSharingAPrefix(bench)
            let error = #expect(throws: NovedadError.self) { try bench.novedades().resolve("abcd") }
            #expect(error == .ambiguousId("abcd", candidates: ["abcd1111", "abcd2222"]))
            #expect(error?.message.contains("abcd1111, abcd2222") == true)
            #expect(error?.message.contains("Escriba más caracteres") == true)
        }
    }

    @Test func aPrefixShorterThanFourCharactersOrMatchingNothingIsNotFound() throws {
        try withNovedadBench { bench in
            let (first, _) = try twoDraftsSharingAPrefix(bench)
            let store = bench.novedades()
            for input in ["", "a", "ab", "abc", "abcd3", "ffff", first + "0", "abcd-"] {
                #expect(throws: NovedadError.notFound(input)) { try store.resolve(input) }
            }
            // Even a unique 3-character prefix is too short.
            try bench.database.execute("DELETE FROM novedades WHERE id = ?", ["abcd2222-0000-4000-8000-000000000002"])
            #expect(throws: NovedadError.notFound("abc")) { try store.resolve("abc") }
            #expect(try store.resolve("abcd") == first)
        }
    }

    // MARK: - Counts and lists

    @Test func countsTellHowManyInEachState() throws {
        try withNovedadBench { bench in
            #expect(try bench.novedades().counts().isEmpty)
            _ = try bench.novedad(in: .borrador)
            _ = try bench.novedad(in: .borrador)
            _ = try bench.novedad(in: .enCola)
            _ = try bench.novedad(in: .enviada, radicado: "TER-2026-000001")
            _ = try bench.novedad(in: .enviada, radicado: "TER-2026-000002")
            _ = try bench.novedad(in: .rechazada)
            #expect(try bench.novedades().counts() == [.borrador: 2, .enCola: 1, .enviada: 2, .rechazada: 1])
        }
    }

    @Test func listsAreNewestFirstAndFilterByState() throws {
        try withNovedadBench { bench in
            let old = try bench.completeDraft(at: start)
            let middle = try bench.completeDraft(at: start + hour)
            let new = try bench.completeDraft(at: start + 2 * hour)
            _ = try bench.novedades().enqueue(middle.id)
            let store = bench.novedades()
            #expect(try store.list().map(\.id) == [new.id, middle.id, old.id])
            #expect(try store.list(state: .borrador).map(\.id) == [new.id, old.id])
            #expect(try store.list(state: .enCola).map(\.id) == [middle.id])
            #expect(try store.list(state: .enviada).isEmpty)
            #expect(try store.list(state: .enCola).first?.state == .enCola)
        }
    }
}
