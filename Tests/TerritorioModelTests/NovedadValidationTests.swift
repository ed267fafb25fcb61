import Foundation
import Testing
@testable import TerritorioModel

/// `encolar` checks a draft and lists every problem at once, in Spanish, each with its field —
/// and a refused `encolar` leaves the draft exactly as it was.
@Suite struct NovedadValidationTests {
    /// Runs `encolar` expecting a refusal; checks nothing changed and returns the problems.
    private func refusedProblems(_ bench: NovedadBench, _ id: String) throws -> [ValidationProblem] {
        let json = try bench.json(id)
        let dump = try bench.dump()
        let error = #expect(throws: NovedadError.self) { try bench.novedades(at: NovedadBench.start + 60).enqueue(id) }
        guard case .incomplete(let problems)? = error else {
            Issue.record("expected incomplete, got \(String(describing: error))")
            return []
        }
        // `problems(of:)` tells the same before anyone tries.
        #expect(try bench.novedades().problems(of: id) == problems)
        #expect(try bench.json(id) == json)
        #expect(try bench.dump() == dump)
        #expect(try bench.novedades().novedad(id).state == .borrador)
        #expect(try bench.payload(id) == nil)
        return problems
    }

    @Test func anEmptyDraftWithoutProfileHasEveryProblemListedAtOnce() throws {
        try withNovedadBench(profile: false) { bench in
            let draft = try bench.novedades().create(NovedadChanges())
            let problems = try refusedProblems(bench, draft.id)
            #expect(problems.map(\.field) == ["tipo", "localidad", "descripcion", "perfil"])
            #expect(problems[0].message == "falta el tipo de novedad")
            #expect(problems[1].message == "falta la localidad")
            #expect(problems[2].message == "falta la descripción (al menos 20 caracteres)")
            #expect(problems[3].message.contains("falta el perfil del gestor (nombre y entidad)"))
            #expect(problems[3].message.contains("territorio perfil --nombre"))
        }
    }

    @Test func theErrorMessageListsEveryProblemWithItsField() throws {
        try withNovedadBench(profile: false) { bench in
            let draft = try bench.novedades().create(NovedadChanges())
            try bench.storeContactWithoutConsent(draft.id, phone: "3005551234")
            let error = #expect(throws: NovedadError.self) { try bench.novedades().enqueue(draft.id) }
            let message = try #require(error?.message)
            let lines = message.split(separator: "\n").map(String.init)
            #expect(lines.first == "La novedad no se puede encolar todavía:")
            #expect(lines.dropFirst().map { $0.split(separator: ":").first.map(String.init) ?? "" }
                == ["  • tipo", "  • localidad", "  • descripcion", "  • perfil", "  • consentimiento"])
            #expect(message.contains("Ley 1581 de 2012"))
            #expect(message.contains("--consentimiento"))
        }
    }

    @Test func contactDataWithoutConsentIsAProblem() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            try bench.storeContactWithoutConsent(draft.id, name: "Rosa Díaz")
            let problems = try refusedProblems(bench, draft.id)
            #expect(problems.map(\.field) == ["consentimiento"])
            #expect(problems[0].message.contains("sin registro de consentimiento"))
        }
    }

    @Test func aPhoneAloneAlsoNeedsConsent() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            try bench.storeContactWithoutConsent(draft.id, phone: "601 555 1234")
            #expect(try refusedProblems(bench, draft.id).map(\.field) == ["consentimiento"])
        }
    }

    @Test func contactDataWithConsentIsQueued() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { $0.contactName = "Rosa Díaz"; $0.consentTextVersion = "v1" }
            #expect(try bench.novedades().problems(of: draft.id).isEmpty)
            let queued = try bench.novedades().enqueue(draft.id)
            #expect(queued.state == .enCola)
            let payload = try JSONParser.parse(try #require(try bench.payload(draft.id)))
            #expect(payload["contacto"]?["consentimiento"]?["tomado_por"] == .string(NovedadBench.profileName))
        }
    }

    @Test func aConsentWithoutContactDataIsNotAProblem() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { $0.consentTextVersion = "v1" }
            #expect(try bench.novedades().problems(of: draft.id).isEmpty)
            #expect(try bench.novedades().enqueue(draft.id).state == .enCola)
        }
    }

    @Test("the description needs 20 characters, counted as characters", arguments: [
        ("", false), ("Muy corto", false), (String(repeating: "x", count: 19), false), (String(repeating: "x", count: 20), true),
        (String(repeating: "ñ", count: 20), true), (String(repeating: "e\u{301}", count: 19), false),
        ("   " + String(repeating: "x", count: 19) + "   ", false),
    ])
    func descriptionMinimum(text: String, accepted: Bool) throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { $0.description = text }
            if accepted {
                #expect(try bench.novedades().enqueue(draft.id).state == .enCola)
            } else {
                let problems = try refusedProblems(bench, draft.id)
                #expect(problems.map(\.field) == ["descripcion"])
                let length = draft.description.count
                #expect(problems.first?.message == (length == 0
                    ? "falta la descripción (al menos 20 caracteres)"
                    : "la descripción es muy corta: \(length) caracteres de al menos 20"))
            }
        }
    }

    @Test func aDescriptionOf5000CharactersIsQueued() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { $0.description = String(repeating: "á", count: 5_000) }
            #expect(try bench.novedades().enqueue(draft.id).state == .enCola)
        }
    }

    @Test("a profile needs both name and entity", arguments: [
        (String?.none, String?.none), ("Ana María Gómez", nil), (nil, "sdis"),
    ])
    func incompleteProfile(name: String?, entity: String?) throws {
        try withNovedadBench(profile: false) { bench in
            try bench.saveProfile(name: name, entity: entity)
            let draft = try bench.completeDraft()
            let problems = try refusedProblems(bench, draft.id)
            #expect(problems.map(\.field) == ["perfil"])
        }
    }

    @Test func aRefusedEncolarDoesNotRecordTheAuthorEither() throws {
        // encolar writes the author before checking: the refusal must undo it.
        try withNovedadBench(profile: false) { bench in
            let draft = try bench.completeDraft()
            #expect(draft.author == nil)
            try bench.saveProfile(name: "Luis Pérez", entity: nil)
            _ = try refusedProblems(bench, draft.id)
            #expect(try bench.novedades().novedad(draft.id).author == nil)
        }
    }

    @Test func aTypeNoLongerInTheCatalogueIsAProblem() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            // A new catalogue without the draft's type (violencia-mujer).
            let document = try Fixtures.smallCatalogueDocument().replacing("referencias.tipos[0]", with: nil)
            try bench.store.catalogue.replace(with: try CatalogueReader.read(bytes: document.bytes))
            let problems = try refusedProblems(bench, draft.id)
            #expect(problems == [ValidationProblem(field: "tipo",
                                                   message: "el tipo «violencia-mujer» ya no está en el catálogo en uso; elija otro")])
        }
    }

    @Test
    func aLocalidadOrEntityNoLongerInTheCatalogueIsAProblem() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft { $0.localidad = "usaquen"; $0.entity = "sdis" }
            // A new catalogue without Usaquén and without SDIS (and the type that pointed to it).
            let document = try Fixtures.smallCatalogueDocument().replacing([
                ("referencias.tipos[1]", nil), ("referencias.entidades[2]", nil), ("referencias.localidades[0]", nil),
            ])
            try bench.store.catalogue.replace(with: try CatalogueReader.read(bytes: document.bytes))
            let problems = try refusedProblems(bench, draft.id)
            #expect(Set(problems.map(\.field)) == ["localidad", "entidad"])
        }
    }

    @Test func aCompleteDraftHasNoProblemsAndIsQueued() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            #expect(try bench.novedades().problems(of: draft.id).isEmpty)
            let queued = try bench.novedades().enqueue(draft.id)
            #expect(queued.state == .enCola)
            #expect(try bench.payload(draft.id) != nil)
        }
    }

    @Test func fixingEveryProblemThenQueues() throws {
        try withNovedadBench(profile: false) { bench in
            let draft = try bench.novedades().create({
                var changes = NovedadChanges()
                changes.description = "Corta"
                return changes
            }())
            try bench.storeContactWithoutConsent(draft.id, name: "Rosa Díaz")
            #expect(try refusedProblems(bench, draft.id).map(\.field) == ["tipo", "localidad", "descripcion", "perfil", "consentimiento"])
            try bench.saveProfile()
            var changes = NovedadChanges.complete
            changes.consentTextVersion = "v1"
            _ = try bench.novedades().update(draft.id, changes)
            #expect(try bench.novedades().enqueue(draft.id).state == .enCola)
        }
    }
}
