import Foundation
import Testing
@testable import TerritorioModel

/// Ley 1581 de 2012: a citizen's name or phone is stored only after a consent is recorded — in a
/// new draft, in an edit, in the same change or an earlier one — and a refused change stores
/// nothing at all.
@Suite struct ConsentFirstTests {
    private func contact(name: String? = nil, phone: String? = nil, consent: String? = nil) -> NovedadChanges {
        var changes = NovedadChanges.complete
        changes.contactName = name
        changes.contactPhone = phone
        changes.consentTextVersion = consent
        return changes
    }

    @Test("a new draft with contact data and no consent is not created",
          arguments: [("Rosa Díaz", nil), (nil, "300 555 1234"), ("Rosa Díaz", "300 555 1234")] as [(String?, String?)])
    func createRefused(name: String?, phone: String?) throws {
        try withNovedadBench { bench in
            let dump = try bench.dump()
            #expect(throws: NovedadError.contactWithoutConsent) {
                try bench.novedades().create(contact(name: name, phone: phone))
            }
            #expect(try bench.dump() == dump)
            #expect(try bench.novedades().list().isEmpty)
        }
    }

    @Test func anEditAddingContactDataWithoutConsentChangesNothing() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            let json = try bench.json(draft.id)
            var changes = NovedadChanges()
            changes.neighborhood = "Timiza"
            changes.contactPhone = "300 555 1234"
            #expect(throws: NovedadError.contactWithoutConsent) { try bench.novedades().update(draft.id, changes) }
            #expect(try bench.json(draft.id) == json)
        }
    }

    @Test func consentInTheSameChangeOrBeforeIsEnough() throws {
        try withNovedadBench { bench in
            let together = try bench.novedades().create(contact(name: "Rosa Díaz", consent: "v1"))
            #expect(together.contact?.name == "Rosa Díaz" && together.contact?.consent?.textVersion == "v1")

            let first = try bench.novedades().create(contact(consent: "v1"))
            var later = NovedadChanges()
            later.contactPhone = "300 555 1234"
            #expect(try bench.novedades().update(first.id, later).contact?.phone == "300 555 1234")
        }
    }

    @Test func theMessageNamesTheLawAndTheOption() {
        let message = NovedadError.contactWithoutConsent.message
        #expect(message.contains("Ley 1581 de 2012") && message.contains("--consentimiento") && message.contains("No se guardó nada"))
    }

    @Test func anOlderDraftWithoutConsentCanStillBeEditedElsewhere() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            try bench.storeContactWithoutConsent(draft.id, name: "Rosa Díaz")
            var changes = NovedadChanges()
            changes.neighborhood = "Timiza"
            #expect(try bench.novedades().update(draft.id, changes).neighborhood == "Timiza")
            // Touching its contact data asks for the consent.
            changes.contactName = "Rosa Díaz Pérez"
            #expect(throws: NovedadError.contactWithoutConsent) { try bench.novedades().update(draft.id, changes) }
        }
    }

    @Test func takingAMarkOffNeverAsksForTheConsent() throws {
        try withNovedadBench { bench in
            let draft = try bench.completeDraft()
            try bench.storeContactWithoutConsent(draft.id, name: "Rosa Díaz")
            var off = NovedadChanges()
            off.contactIncludesSensitiveData = false
            off.contactConcernsAChild = false
            let edited = try bench.novedades().update(draft.id, off)
            #expect(edited.contact?.includesSensitiveData == false && edited.contact?.concernsAChild == false)
            var on = NovedadChanges()
            on.contactConcernsAChild = true
            let json = try bench.json(draft.id)
            #expect(throws: NovedadError.contactWithoutConsent) { try bench.novedades().update(draft.id, on) }
            #expect(try bench.json(draft.id) == json)
        }
    }
}
