import Foundation
@testable import TerritorioModel
@testable import TerritorioTUI

/// Novedades in every state for the Novedades screen's tests, answered without a store: long
/// Spanish text with accents, retries, a radicado and a rejection reason.
enum NovedadFixtures {
    static let tipos = [
        ReferenceItem(kind: .tipos, id: "via", name: "Hueco o daño en la vía"),
        ReferenceItem(kind: .tipos, id: "ninez", name: "Niñas, niños y jóvenes en situación de calle o en riesgo de habitarla, con atención prioritaria"),
        ReferenceItem(kind: .tipos, id: "alumbrado", name: "Alumbrado público dañado"),
    ]

    static func novedad(_ number: Int, _ state: NovedadState, type: String?, localidad: String?, created: String,
                        description: String = "", outbox: OutboxStatus = OutboxStatus()) -> Novedad {
        Novedad(id: String(format: "%08x-1b2c-4d3e-8f40-%012d", 0x3f2a9c10 + number, number), state: state, type: type,
                localidad: localidad, observedAt: created, description: description, populationGroups: [],
                createdAt: created, updatedAt: created, attachments: [], outbox: outbox)
    }

    /// The novedad screens over `source`; the external editor's files go to a fresh temporary folder.
    static func desk(_ source: any NovedadSource, references: ReferenceLists, environment: [String: String] = [:],
                     clock: @escaping () -> Date = Date.init) -> NovedadDesk {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("territorio-pruebas-\(UUID().uuidString)")
        return NovedadDesk(source: source, references: references, environment: environment, scratchFolder: scratch, clock: clock)
    }

    static let all: [Novedad] = [
        novedad(1, .borrador, type: "via", localidad: "kennedy", created: "2026-11-22T21:46:00Z",
                description: "Hueco grande frente al colegio; los niños pasan por la calzada."),
        novedad(2, .borrador, type: "ninez", localidad: "ciudad-bolivar", created: "2026-11-21T14:05:00Z",
                description: "Tres jóvenes duermen bajo el puente de la avenida Boyacá; piden orientación sobre albergue, "
                    + "alimentación y atención en salud. Uno de ellos tiene una herida en la mano que no ha sido atendida."),
        novedad(3, .enCola, type: "alumbrado", localidad: "santa-fe", created: "2026-11-20T12:00:00Z",
                description: "Tres postes apagados en la calle 22.",
                outbox: OutboxStatus(attempts: 2, lastError: "tiempo de espera agotado al conectar con el servidor",
                                     nextAttempt: "2026-11-22T22:30:00Z", sendAttempted: true)),
        novedad(4, .enviando, type: "via", localidad: "kennedy", created: "2026-11-19T16:30:00Z",
                description: "Tapa de alcantarilla rota.", outbox: OutboxStatus(attempts: 1, sendAttempted: true)),
        novedad(5, .enviada, type: "via", localidad: "santa-fe", created: "2026-11-18T15:00:00Z",
                description: "Andén levantado por raíces.",
                outbox: OutboxStatus(attempts: 1, sendAttempted: true, radicado: "TER-2026-000123", remoteStatus: "en_tramite")),
        novedad(6, .rechazada, type: "ninez", localidad: nil, created: "2026-11-17T13:15:00Z",
                description: "Niña sola en la plaza de mercado.",
                outbox: OutboxStatus(attempts: 1, sendAttempted: true,
                                     rejectionReason: "La localidad no corresponde a la dirección indicada; corrija y envíe de nuevo.")),
    ]
}

/// `NovedadFixtures` (or any list) as the Novedades screen's source.
final class FixtureNovedadSource: NovedadSource {
    let novedades: [Novedad]

    init(_ novedades: [Novedad]) {
        self.novedades = novedades
    }

    func novedades(in states: [NovedadState]) throws -> [Novedad] {
        novedades.filter { states.contains($0.state) }.sorted { $0.createdAt > $1.createdAt }
    }

    func counts() throws -> [NovedadState: Int] {
        Dictionary(grouping: novedades, by: \.state).mapValues(\.count)
    }

    func novedad(_ id: String) throws -> Novedad {
        guard let novedad = novedades.first(where: { $0.id.hasPrefix(id) }) else { throw NovedadError.notFound(id) }
        return novedad
    }

    func profile() throws -> Profile {
        Profile(name: "Ana Gómez", entity: "sdis")
    }

    // The fixtures are read-only: changes are tested against a real store (`NovedadFormTests`).
    func create(_ changes: NovedadChanges) throws -> Novedad { throw FixtureIsReadOnly() }
    func update(_ id: String, _ changes: NovedadChanges) throws -> Novedad { throw FixtureIsReadOnly() }
    func attach(_ id: String, path: String) throws -> Novedad { throw FixtureIsReadOnly() }
    func removeAttachment(_ id: String, sha256: String) throws -> Novedad { throw FixtureIsReadOnly() }
    func problems(of id: String) throws -> [ValidationProblem] { [] }
    func enqueue(_ id: String) throws -> Novedad { throw FixtureIsReadOnly() }
    func dequeue(_ id: String) throws -> Novedad { throw FixtureIsReadOnly() }
    func correct(_ id: String) throws -> Novedad { throw FixtureIsReadOnly() }
    func delete(_ id: String) throws { throw FixtureIsReadOnly() }
    func restore(_ id: String) throws -> Novedad { throw FixtureIsReadOnly() }
    func restoreAttachment(_ id: String, _ attachment: AttachmentRecord, order: Int) throws -> Novedad { throw FixtureIsReadOnly() }
    func save(_ profile: Profile) throws { throw FixtureIsReadOnly() }

    func diskEncryption() -> DiskEncryption { .encrypted(device: "dm-0") }
}

struct FixtureIsReadOnly: UserFacingError {
    var message: String { "las novedades de prueba son de solo lectura" }
}

extension InterfaceFixtures {
    /// The interface on `store`'s catalogue, with `novedades` behind `n`.
    static func app(store: Store, novedades: [Novedad]) throws -> App {
        var references = try store.catalogue.references()
        references[.tipos] = NovedadFixtures.tipos
        let screen = CatalogueScreen(feed: SynchronousRouteFeed(source: StoreRouteSource(store: store, synonyms: .empty)),
                                     catalogue: store.catalogue, references: references,
                                     catalogueIsEmpty: try store.catalogue.isEmpty(),
                                     desk: NovedadFixtures.desk(FixtureNovedadSource(novedades), references: references))
        return App(root: screen, header: HeaderInfo(isSample: true), about: about)
    }
}
