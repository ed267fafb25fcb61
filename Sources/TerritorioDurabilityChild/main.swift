import Foundation
import TerritorioModel

// The child process of the durability test (Tests/TerritorioModelTests/DurabilityTests.swift):
// it creates drafts, edits them and attaches photos as fast as it can, and after each committed
// operation prints `ok <id> <sha256 of the novedad's JSON>`; before each one it prints
// `intento <id|nueva> <operación>`. The test SIGKILLs it at a random moment and checks that
// every acknowledged operation survived.
//
//   territorio-durability-child DATOS CARPETA_DE_FOTOS SEMILLA

let arguments = CommandLine.arguments
guard arguments.count == 4, let seed = UInt64(arguments[3]) else {
    FileHandle.standardError.write(Data("uso: territorio-durability-child DATOS FOTOS SEMILLA\n".utf8))
    exit(2)
}
umask(0o077)
try DurabilityChild(dataDirectory: arguments[1], photoFolder: arguments[2]).run(seed: seed)

/// The operations, in a loop until the process is killed.
struct DurabilityChild {
    let dataDirectory: String
    let photoFolder: String

    func run(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let store = try Store(directory: DataDirectory(path: dataDirectory))
        _ = try CatalogueBootstrap.prepare(store, sampleCatalogue: ResourceLocator.sampleCatalogue(environment: [:]))
        try ProfileStore(database: store.database).save(Profile(name: "Gestora de prueba", entity: "sdis"))
        let novedades = store.novedades()
        let references = try store.catalogue.references()
        let photos = try FileManager.default.contentsOfDirectory(atPath: photoFolder).sorted().map { photoFolder + "/" + $0 }
        var drafts: [String] = []

        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

        for step in 0... {
            if drafts.isEmpty || random.next() % 10 < 3 {
                say("intento nueva crear")
                var changes = NovedadChanges()
                changes.type = pick(references[.tipos]).id
                changes.localidad = pick(references[.localidades]).id
                changes.description = "Situación número \(step) observada en la calle durante la prueba de durabilidad."
                let novedad = try novedades.create(changes, attachments: random.next() % 2 == 0 ? [pick(photos)] : [])
                drafts.append(novedad.id)
                acknowledge(novedad)
            } else {
                let id = pick(drafts)
                let current = try novedades.novedad(id)
                let photo = pick(photos)
                let canAttach = current.attachments.count < 10 && !current.attachments.contains { $0.name == (photo as NSString).lastPathComponent }
                if canAttach && random.next() % 2 == 0 {
                    say("intento \(id) adjuntar")
                    acknowledge(try novedades.attach(id, path: photo))
                } else {
                    say("intento \(id) editar")
                    var changes = NovedadChanges()
                    changes.description = "Descripción editada en el paso \(step): la situación sigue igual y necesita atención."
                    acknowledge(try novedades.update(id, changes))
                }
            }
        }
    }

    /// `ok <id> <hash>` once the operation is committed.
    private func acknowledge(_ novedad: Novedad) {
        var hasher = SHA256()
        hasher.update(Array(JSONWriter.string(novedad.json).utf8))
        say("ok \(novedad.id) \(SHA256.hex(of: hasher.finalize()))")
    }
}

/// One line on stdout, written at once (no buffer to lose when killed).
func say(_ line: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
}
