import Foundation
import Testing
import TerritorioModel
import TerritorioTestSupport

/// `territorio perfil`, `novedad …`, `novedades` and `purgar`, end to end with the real binary
/// against a real data directory: reference values by name, the documented `--json` shapes,
/// exit codes (1 refused, 2 usage), and every refusal leaving `novedad ver --json` byte-identical.
@Suite("Novedades por línea de comandos")
struct NovedadCLITests {
    let cli: CLI

    init() throws { cli = try CLI() }

    static let description = "Mujer con golpes visibles pide ayuda frente al salón comunal."

    // MARK: - Helpers

    /// The small catalogue, and the gestor's profile unless `profile` is false.
    private func setUp(profile: Bool = true) throws {
        let imported = try cli.run(["catalogo", "importar", CLI.fixtureCatalogue])
        try #require(imported.status == 0, "\(imported.stderr)")
        if profile {
            let run = try cli.run(["perfil", "--nombre", "Ana María Gómez", "--entidad", "secretaria distrital de integracion social"])
            try #require(run.status == 0, "\(run.stderr)")
        }
    }

    /// Runs a command that must succeed and prints JSON; returns the parsed JSON.
    @discardableResult
    private func json(_ arguments: [String], cli: CLI? = nil) throws -> JSONValue {
        let run = try (cli ?? self.cli).run(arguments)
        try #require(run.status == 0, "\(arguments): \(run.stderr)")
        return try JSONParser.parse(run.stdout)
    }

    /// Creates a draft; returns its id.
    private func create(_ options: [String] = []) throws -> String {
        let value = try json(["novedad", "crear"] + options + ["--json"])
        guard case .string(let id)? = value["id"] else {
            Issue.record("crear --json has no id")
            return ""
        }
        return id
    }

    /// `novedad ver ID --json`, exactly as printed.
    private func show(_ id: String) throws -> String {
        let run = try cli.run(["novedad", "ver", id, "--json"])
        try #require(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    private func list() throws -> String {
        let run = try cli.run(["novedades", "--json"])
        try #require(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// Writes a small valid PNG into the test folder; returns its path.
    @discardableResult
    private func photo(_ name: String, width: Int = 4, height: Int = 3, padding: Int = 0) throws -> String {
        let path = cli.folder.path + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(PNGBuilder.bytes(width: width, height: height, chunks: PNGBuilder.padding(padding))).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func fileBytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func isLowercaseUUID(_ value: JSONValue?) -> Bool {
        guard case .string(let id)? = value else { return false }
        return id.count == 36 && id == id.lowercased() && UUID(uuidString: id) != nil
    }

    private func count(of value: JSONValue?) -> Int? {
        if case .array(let items)? = value { items.count } else { nil }
    }

    private func isSHA256(_ value: JSONValue?) -> Bool {
        guard case .string(let hash)? = value else { return false }
        return hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) }
    }

    /// Runs a command that must be refused with exit 1, a Spanish reason on stderr containing
    /// `reason`, nothing on stdout, and `novedad ver ID --json` identical before and after.
    private func expectRefused(_ arguments: [String], reason: String, unchanged id: String,
                               cli: CLI? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try show(id)
        let run = try (cli ?? self.cli).run(arguments)
        #expect(run.status == 1, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(reason), "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(try show(id) == before, "\(arguments)", sourceLocation: sourceLocation)
    }

    // MARK: - Profile

    @Test("perfil shows, sets and clears the gestor's profile")
    func profile() throws {
        try setUp(profile: false)
        let empty = try json(["perfil", "--json"])
        #expect(empty["nombre"] == .null && empty["entidad"] == .null && empty["documento"] == .null)
        let text = try cli.run(["perfil"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Nombre: (falta)") && text.stdout.contains("Entidad: (falta)"))

        let set = try json(["perfil", "--nombre", "  Ana María Gómez ", "--entidad", "Secretaria Distrital de Integracion Social",
                            "--documento", "52123456", "--json"])
        #expect(set["nombre"] == .string("Ana María Gómez"))
        #expect(set["entidad"] == .string("sdis"))
        #expect(set["documento"] == .string("52123456"))
        let shown = try cli.run(["perfil"])
        #expect(shown.stdout.contains("Nombre: Ana María Gómez"))
        #expect(shown.stdout.contains("Secretaría Distrital de Integración Social"))
        // One field at a time; an empty value clears it.
        #expect(try json(["perfil", "--entidad", "IDIPRON", "--json"])["entidad"] == .string("idipron"))
        #expect(try json(["perfil", "--documento", "", "--json"])["documento"] == .null)
        #expect(try json(["perfil", "--json"])["nombre"] == .string("Ana María Gómez"))
        // Accessible mode, for the next start of the interface.
        #expect(try json(["perfil", "--json"])["accesible"] == .bool(false))
        #expect(try json(["perfil", "--accesible", "sí", "--json"])["accesible"] == .bool(true))
        #expect(try cli.run(["perfil"]).stdout.contains("Modo accesible: sí"))
        #expect(try json(["--accesible", "perfil", "--accesible=no", "--json"])["accesible"] == .bool(false))
        let refused = try cli.run(["perfil", "--accesible", "quizas"])
        #expect(refused.status == 2 && refused.stderr.contains("[--accesible si|no]"))
        let wrongValue = try cli.run(["perfil", "--accesible=quizas"])
        #expect(wrongValue.status == 2 && wrongValue.stderr.contains("--accesible lleva si o no."))
    }

    @Test("perfil says every time when the data directory's disk is not encrypted, on stderr")
    func diskNotice() throws {
        try setUp(profile: false)
        let disk = DiskEncryption.of(DataDirectory(path: cli.dataDirectory))
        for arguments in [["perfil"], ["perfil", "--nombre", "Ana Gómez"], ["perfil", "--json"], ["perfil"]] {
            let run = try cli.run(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stdout.contains("cifrado"))
            if let notice = disk.notice {
                #expect(run.stderr.contains("Aviso: " + notice + " (" + disk.detail + ")."), "\(arguments): \(run.stderr)")
            } else {
                #expect(!run.stderr.contains("cifrado"))
            }
        }
        // Other commands do not repeat it.
        #expect(!(try cli.run(["novedades"])).stderr.contains("cifrado"))
    }

    @Test("editor files a crash left in tmp/ go at the next start; one another instance still holds stays")
    func scratchLeftovers() throws {
        try setUp()
        let scratch = ScratchFolder(dataDirectory: DataDirectory(path: cli.dataDirectory))
        let held = try scratch.create(named: "descripcion-abierta.txt", text: "en el editor de otra ventana")
        defer { held.remove() }
        try Data("Luz Mora, 300 555 9876".utf8).write(to: URL(fileURLWithPath: scratch.path + "/descripcion-huerfana.txt"))
        #expect(try cli.run(["novedades"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
            == [".bloqueo", "descripcion-abierta.txt", "descripcion-abierta.txt.bloqueo"])
        #expect(held.text() == "en el editor de otra ventana")
    }

    @Test("perfil refuses unknown entities and control characters, changing nothing")
    func profileRefusals() throws {
        try setUp()
        let before = try cli.run(["perfil", "--json"]).stdout
        for (arguments, reason) in [
            (["perfil", "--entidad", "secretaria de movilidad"], "no está en la lista de entidades"),
            (["perfil", "--entidad", "secretaria distrital"], "coincide con varios valores"),
            (["perfil", "--nombre", "Ana\u{07}María"], "sin caracteres de control"),
            (["perfil", "--nombre", "Ana\nMaría"], "sin caracteres de control"),
            (["perfil", "--nombre", String(repeating: "a", count: 201)], "a lo sumo 200 caracteres"),
        ] {
            let run = try cli.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains(reason), "\(arguments): \(run.stderr)")
            #expect(try cli.run(["perfil", "--json"]).stdout == before)
        }
    }

    @Test("perfil refuses DEL and C1 control characters like the novedad fields do")
    func profileRefusesC1Controls() throws {
        try setUp()
        let before = try cli.run(["perfil", "--json"]).stdout
        for name in ["Ana\u{7F}María", "Ana\u{85}María", "Ana\u{9B}31mMaría"] {
            let run = try cli.run(["perfil", "--nombre", name])
            #expect(run.status == 1, "\(name.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(try cli.run(["perfil", "--json"]).stdout == before)
        }
    }

    // MARK: - Creating and showing

    @Test("crear takes reference values by name without accents and prints the documented object")
    func createShape() throws {
        try setUp()
        let run = try cli.run(["novedad", "crear", "--tipo", "violencia contra una mujer", "--localidad", "ciudad bolivar",
                               "--descripcion", Self.description, "--urgencia", "INMEDIATA", "--poblacion", "mujeres",
                               "--poblacion", "habitantes de calle", "--barrio", "Lucero", "--direccion", "Cra 17 # 70-20 sur",
                               "--coordenadas", "4.5490,-74.1470", "--ruta", "violencia-mujer-peligro",
                               "--observada", "2026-11-22 14:30", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let value = try JSONParser.parse(run.stdout)
        #expect(isLowercaseUUID(value["id"]))
        #expect(value["estado"] == .string("borrador"))
        #expect(value["radicado"] == .null)
        #expect(value["tipo"] == .string("violencia-mujer"))
        #expect(value["entidad"] == .string("sdmujer"))
        #expect(value["localidad"] == .string("ciudad-bolivar"))
        #expect(value["urgencia"] == .string("inmediata"))
        #expect(value["poblaciones"] == .array([.string("mujeres"), .string("habitantes-de-calle")]))
        #expect(value["barrio"] == .string("Lucero") && value["direccion"] == .string("Cra 17 # 70-20 sur"))
        #expect(value["coordenadas"] == .object([("lat", .double(4.549)), ("lon", .double(-74.147))]))
        #expect(value["ruta"] == .string("violencia-mujer-peligro"))
        #expect(value["observada_en"] == .string("2026-11-22T19:30:00Z"))
        #expect(value["descripcion"] == .string(Self.description))
        #expect(value["autor"] == .string("Ana María Gómez"))
        #expect(value["catalogo_version"] == .string("prueba-1"))
        #expect(value["adjuntos"] == .array([]))
        #expect(value["intentos"] == .integer(0))
        #expect(value["ultimo_error"] == .null && value["proximo_intento"] == .null && value["corrige"] == .null)
        // A created object is printed as that same object.
        guard case .string(let id)? = value["id"] else { return }
        #expect(try show(id) == run.stdout)
        // The text form names things as people read them.
        let text = try cli.run(["novedad", "ver", id])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Novedad \(id)") && text.stdout.contains("Estado: borrador"))
        #expect(text.stdout.contains("Localidad: Ciudad Bolívar") && text.stdout.contains("Violencia contra una mujer"))
        #expect(text.stdout.contains("Observada: 22/11/2026 14:30"))
    }

    @Test("coordinates outside Bogotá are kept with a warning on stderr")
    func coordinatesOutsideBogota() throws {
        try setUp()
        let run = try cli.run(["novedad", "crear", "--coordenadas", "-74.08,4.60", "--json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("fuera de Bogotá"))
        let value = try JSONParser.parse(run.stdout)
        #expect(value["coordenadas"]?["lat"] == .double(-74.08))
    }

    @Test("editar changes, defaults and clears fields")
    func edit() throws {
        try setUp()
        let id = try create(["--tipo", "violencia contra una mujer", "--barrio", "Lucero", "--coordenadas", "4.55,-74.15",
                             "--poblacion", "mujeres"])
        let retyped = try json(["novedad", "editar", id, "--tipo", "persona habitante de calle", "--json"])
        #expect(retyped["tipo"] == .string("habitante-calle") && retyped["entidad"] == .string("sdis"))
        let explicit = try json(["novedad", "editar", id, "--tipo", "violencia-mujer", "--entidad", "idipron", "--json"])
        #expect(explicit["entidad"] == .string("idipron"))
        let clearing = try cli.run(["novedad", "editar", id, "--barrio", "", "--coordenadas", "", "--poblacion", "", "--entidad", "",
                                    "--json"])
        #expect(clearing.status == 0, "\(clearing.stderr)")
        let cleared = try JSONParser.parse(clearing.stdout)
        #expect(cleared["barrio"] == .null && cleared["coordenadas"] == .null && cleared["entidad"] == .null)
        #expect(cleared["poblaciones"] == .array([]))
        #expect(cleared["tipo"] == .string("violencia-mujer"))
        #expect(try show(id) == clearing.stdout)
    }

    @Test("a prefix of the id works everywhere an id does")
    func prefixIds() throws {
        try setUp()
        let id = try create()
        let full = try show(id)
        #expect(try show(String(id.prefix(8))) == full)
        #expect(try show(String(id.prefix(4)).uppercased()) == full)
        let edited = try json(["novedad", "editar", String(id.prefix(6)), "--barrio", "Bosa", "--json"])
        #expect(edited["id"] == .string(id))
        for (input, reason) in [(String(id.prefix(3)), "No hay una novedad con id"), ("ffffffff-nada", "No hay una novedad con id")] {
            let run = try cli.run(["novedad", "ver", input])
            #expect(run.status == 1)
            #expect(run.stderr.contains(reason), "\(run.stderr)")
        }
    }

    // MARK: - Photos

    @Test("adjuntar stores the photo once, privately, and prints it in adjuntos")
    func attach() throws {
        try setUp()
        let id = try create()
        let path = try photo("Fotos de campaña/árbol caído (1).png", width: 5, height: 4)
        let original = try fileBytes(path)
        let attaching = try cli.run(["novedad", "adjuntar", id, path, "--json"])
        #expect(attaching.status == 0, "\(attaching.stderr)")
        let value = try JSONParser.parse(attaching.stdout)
        guard case .array(let attachments)? = value["adjuntos"], let attachment = attachments.first else {
            Issue.record("adjuntos is not a non-empty array")
            return
        }
        #expect(attachments.count == 1)
        #expect(isSHA256(attachment["sha256"]))
        #expect(attachment["nombre"] == .string("árbol caído (1).png"))
        #expect(attachment["bytes"] == .integer(Int64(original.count)))
        #expect(attachment["ancho"] == .integer(5) && attachment["alto"] == .integer(4))
        // Nothing to remove in this PNG: stored as it is, under the hash of its bytes.
        let hash = SHA256.hex(of: SHA256.digest(of: original))
        #expect(attachment["sha256"] == .string(hash))
        let stored = cli.dataDirectory + "/adjuntos/" + hash
        #expect(try fileBytes(stored) == original)
        #expect((try FileManager.default.attributesOfItem(atPath: stored)[.posixPermissions] as? Int) == 0o600)
        #expect(try fileBytes(path) == original)
        #expect(try show(id) == attaching.stdout)

        // The same photo on a second draft is not stored again.
        let other = try create(["--adjunto", path])
        #expect(count(of: try json(["novedad", "ver", other, "--json"])["adjuntos"]) == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.dataDirectory + "/adjuntos").filter { !$0.hasPrefix(".") }
        #expect(names == [hash])

        // quitar-adjunto by a prefix of the hash.
        let removed = try json(["novedad", "quitar-adjunto", id, String(hash.prefix(8)), "--json"])
        #expect(removed["adjuntos"] == .array([]))
    }

    @Test("--conservar-ubicacion is recorded on the attachment")
    func keepLocation() throws {
        try setUp()
        let path = try photo("foto.png")
        let value = try json(["novedad", "crear", "--adjunto", path, "--conservar-ubicacion", "--json"])
        guard case .array(let attachments)? = value["adjuntos"] else {
            Issue.record("no adjuntos")
            return
        }
        #expect(attachments.first?["ubicacion_conservada"] == .bool(true))
    }

    @Test("the number and size of photos come from the environment")
    func limitsFromEnvironment() throws {
        try setUp()
        var limited = cli
        limited.environment["TERRITORIO_ADJUNTOS_MAX"] = "2"
        limited.environment["TERRITORIO_ADJUNTO_MAX_MIB"] = "1"
        let id = try create()
        try json(["novedad", "adjuntar", id, try photo("a.png", width: 2), "--json"], cli: limited)
        try json(["novedad", "adjuntar", id, try photo("b.png", width: 3), "--json"], cli: limited)
        try expectRefused(["novedad", "adjuntar", id, try photo("c.png", width: 4)], reason: "a lo sumo 2 fotos",
                          unchanged: id, cli: limited)
        // Without the variable the default (10) applies.
        try json(["novedad", "adjuntar", id, try photo("c.png", width: 4), "--json"])

        let other = try create()
        let big = try photo("grande.png", padding: 1_100_000)
        try expectRefused(["novedad", "adjuntar", other, big], reason: "el límite es 1 MiB", unchanged: other, cli: limited)
        try json(["novedad", "adjuntar", other, big, "--json"])
    }

    @Test("the 11th photo is refused")
    func eleventhPhoto() throws {
        try setUp()
        var options: [String] = []
        for index in 0..<10 { options += ["--adjunto", try photo("foto-\(index).png", width: 2 + index)] }
        let id = try create(options)
        #expect(count(of: try json(["novedad", "ver", id, "--json"])["adjuntos"]) == 10)
        try expectRefused(["novedad", "adjuntar", id, try photo("foto-10.png", width: 12)], reason: "a lo sumo 10 fotos", unchanged: id)
    }

    // MARK: - Queue

    @Test("encolar an incomplete draft lists every problem and changes nothing")
    func enqueueIncomplete() throws {
        try setUp(profile: false)
        let id = try create()
        // A draft written before consent was asked first may hold contact data without it.
        try Store(directory: DataDirectory(path: cli.dataDirectory)).database
            .execute("UPDATE novedades SET contacto_nombre = 'Rosa Díaz' WHERE id = ?", [id])
        try expectRefused(["novedad", "encolar", id], reason: "La novedad no se puede encolar todavía:", unchanged: id)
        let run = try cli.run(["novedad", "encolar", id])
        for field in ["tipo", "localidad", "descripcion", "perfil", "consentimiento"] {
            #expect(run.stderr.contains("  • \(field): "), "\(field): \(run.stderr)")
        }
        #expect(run.stderr.contains("falta la localidad") && run.stderr.contains("Ley 1581"))
    }

    @Test("contact data needs the consent first, even in a draft")
    func consentFirst() throws {
        try setUp()
        let refused = try cli.run(["novedad", "crear", "--tipo", "violencia-mujer", "--contacto-nombre", "Rosa Díaz"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("Ley 1581 de 2012") && refused.stderr.contains("No se guardó nada"), "\(refused.stderr)")
        #expect(try list() == "[]\n")
        let id = try create(["--contacto-nombre", "Rosa Díaz", "--consentimiento", "aviso-2026-01"])
        let value = try json(["novedad", "ver", id, "--json"])
        #expect(value["contacto"]?["nombre"] == .string("Rosa Díaz"))
        #expect(value["contacto"]?["consentimiento"]?["version_texto"] == .string("aviso-2026-01"))
        // With the record in place a phone may follow; the record cannot go while the data stays.
        #expect(try json(["novedad", "editar", id, "--contacto-telefono", "300 555 1234", "--json"])["contacto"]?["telefono"]
            == .string("300 555 1234"))
        try expectRefused(["novedad", "editar", id, "--consentimiento", ""], reason: "Ley 1581 de 2012", unchanged: id)
        let cleared = try json(["novedad", "editar", id, "--consentimiento", "", "--contacto-nombre", "", "--contacto-telefono", "", "--json"])
        #expect(cleared["contacto"] == .null)
    }

    @Test("--sin-contacto-sensible and --sin-contacto-menor take the marks off; a mark and its --sin- together change nothing")
    func marksCleared() throws {
        try setUp()
        let id = try create(["--contacto-nombre", "Rosa Díaz", "--consentimiento", "v1", "--contacto-sensible", "--contacto-menor"])
        let marked = try json(["novedad", "ver", id, "--json"])["contacto"]
        #expect(marked?["datos_sensibles"] == .bool(true) && marked?["datos_de_menor"] == .bool(true))

        let conflicting = [["--contacto-menor", "--sin-contacto-menor"], ["--sin-contacto-sensible", "--contacto-sensible"]]
        for flags in conflicting {
            let before = try show(id)
            let run = try cli.run(["novedad", "editar", id, "--barrio", "Timiza", "--sin-contacto-menor"] + flags)
            #expect(run.status == 2, "\(flags): \(run.stderr)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("use solo una de las dos"), "\(run.stderr)")
            #expect(try show(id) == before)
        }

        let cleared = try json(["novedad", "editar", id, "--sin-contacto-menor", "--json"])["contacto"]
        #expect(cleared?["datos_sensibles"] == .bool(true) && cleared?["datos_de_menor"] == .bool(false))
        _ = try json(["novedad", "editar", id, "--sin-contacto-sensible", "--json"])
        let stored = try json(["novedad", "ver", id, "--json"])["contacto"]
        #expect(stored?["datos_sensibles"] == .bool(false) && stored?["datos_de_menor"] == .bool(false))
        #expect(stored?["nombre"] == .string("Rosa Díaz") && stored?["consentimiento"]?["version_texto"] == .string("v1"))

        // Taking a mark off adds no personal data: it needs no consent, even on a draft with none.
        let plain = try create(["--barrio", "Lucero"])
        let unmarked = try json(["novedad", "editar", plain, "--sin-contacto-sensible", "--sin-contacto-menor", "--json"])
        #expect(unmarked["contacto"] == .null)
        let onCreate = try cli.run(["novedad", "crear", "--sin-contacto-menor"])
        #expect(onCreate.status == 2 && onCreate.stderr.contains("no es una opción"), "\(onCreate.stderr)")
    }

    @Test("a queued novedad refuses every edit; desencolar and borrar")
    func queueLifecycle() throws {
        try setUp()
        let path = try photo("foto.png")
        let id = try create(["--tipo", "violencia-mujer", "--localidad", "8", "--descripcion", Self.description, "--adjunto", path])
        let queued = try json(["novedad", "encolar", String(id.prefix(8)), "--json"])
        #expect(queued["estado"] == .string("en_cola"))
        #expect(queued["intentos"] == .integer(0) && queued["ultimo_error"] == .null && queued["proximo_intento"] == .null)
        let hash: String
        if case .array(let items)? = queued["adjuntos"], case .string(let value)? = items.first?["sha256"] { hash = value } else { hash = "" }
        let other = try photo("otra.png", width: 7)
        for (arguments, reason) in [
            (["novedad", "editar", id, "--barrio", "Timiza"], "está en cola: no se puede editar"),
            (["novedad", "editar", id, "--descripcion", "Otra descripción que también es larga."], "no se puede editar"),
            (["novedad", "adjuntar", id, other], "no se puede adjuntar fotos"),
            (["novedad", "quitar-adjunto", id, String(hash.prefix(8))], "no se puede quitar adjuntos"),
            (["novedad", "borrar", id], "no se puede borrar"),
            (["novedad", "encolar", id], "no se puede encolar"),
            (["novedad", "corregir", id], "no se puede corregir"),
        ] {
            try expectRefused(arguments, reason: reason, unchanged: id)
        }
        #expect(try json(["novedades", "--estado", "en cola", "--json"]).arrayOfIds == [id])

        let draft = try json(["novedad", "desencolar", id, "--json"])
        #expect(draft["estado"] == .string("borrador"))
        try expectRefused(["novedad", "desencolar", id], reason: "es un borrador: no se puede desencolar", unchanged: id)
        let deleted = try cli.run(["novedad", "borrar", id])
        #expect(deleted.status == 0)
        #expect(deleted.stdout.contains("Borrador \(id.prefix(8)) llevado a la papelera"))
        #expect(try list() == "[]\n")
        #expect(try json(["novedades", "--papelera", "--json"]).arrayOfIds == [id])
        let trash = try cli.run(["novedades", "--papelera"])
        #expect(trash.status == 0 && trash.stdout.contains(String(id.prefix(8))) && trash.stdout.contains("en la papelera desde"))
        try expectRefused(["novedad", "editar", id, "--barrio", "Timiza"], reason: "está en la papelera", unchanged: id)
        let restored = try json(["novedad", "restaurar", String(id.prefix(5)), "--json"])
        #expect(restored["estado"] == .string("borrador") && restored["papelera_en"] == .null)
        #expect(try json(["novedades", "--json"]).arrayOfIds == [id])
        #expect(try cli.run(["novedades", "--papelera"]).stdout == "La papelera está vacía.\n")
        let again = try cli.run(["novedad", "restaurar", id])
        #expect(again.status == 1 && again.stderr.contains("no está en la papelera"))
    }

    @Test("crear --encolar queues a complete draft at once")
    func createAndEnqueue() throws {
        try setUp()
        let value = try json(["novedad", "crear", "--tipo", "persona habitante de calle", "--localidad", "santa fe",
                              "--descripcion", Self.description, "--encolar", "--json"])
        #expect(value["estado"] == .string("en_cola") && value["entidad"] == .string("sdis"))
    }

    // MARK: - After sync

    /// Drives the outbox as sync would — in this process, on the command line's data directory,
    /// with its clock at `date` — then closes the store.
    private func outbox(at date: Date = Date(), _ body: (NovedadStore) throws -> Void) throws {
        let store = try Store(directory: DataDirectory(path: cli.dataDirectory))
        try body(store.novedades(clock: { date }))
    }

    /// On the small catalogue with the profile, `queuedWithPersonalData()` whose sending began,
    /// with the outbox's clock at `date`, and ended as `outcome` records (given the store and id).
    private func attemptedWithPersonalData(at date: Date = Date(),
                                           _ outcome: (NovedadStore, String) throws -> Void) throws -> (id: String, hash: String) {
        try setUp()
        let (id, hash) = try queuedWithPersonalData()
        try outbox(at: date) { store in
            try store.beginSending(id)
            try outcome(store, id)
        }
        return (id, hash)
    }

    /// A queued novedad with a photo, the citizen's contact data with consent, and coordinates.
    private func queuedWithPersonalData() throws -> (id: String, hash: String) {
        let id = try create(["--tipo", "violencia-mujer", "--localidad", "kennedy", "--descripcion", Self.description,
                             "--coordenadas", "4.6351,-74.1563", "--contacto-nombre", "Rosa Díaz",
                             "--contacto-telefono", "300 555 1234", "--consentimiento", "v1", "--adjunto", try photo("foto.png")])
        let queued = try json(["novedad", "encolar", id, "--json"])
        guard case .array(let items)? = queued["adjuntos"], case .string(let hash)? = items.first?["sha256"] else {
            Issue.record("no adjuntos")
            return (id, "")
        }
        return (id, hash)
    }

    @Test("a novedad sent more than 30 days ago loses photos and contact data at the next command")
    func automaticPurge() throws {
        let (id, hash) = try attemptedWithPersonalData(at: Date().addingTimeInterval(-40 * 86_400)) {
            try $0.recordSent($1, radicado: "TER-2026-000123")
        }
        let value = try json(["novedad", "ver", id, "--json"])
        #expect(value["estado"] == .string("enviada"))
        #expect(value["radicado"] == .string("TER-2026-000123"))
        #expect(value["descripcion"] == .string(Self.description) && value["localidad"] == .string("kennedy"))
        #expect(value["adjuntos"] == .array([]) && value["contacto"] == .null && value["coordenadas"] == .null)
        #expect(value["purgada_en"] != .null)
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory + "/adjuntos/" + hash))
        // Purged once: later purges change nothing.
        let stable = try show(id)
        let again = try cli.run(["purgar"])
        #expect(again.status == 0 && again.stdout.contains("No hay novedades enviadas o rechazadas hace más de 30 días"))
        #expect(try cli.run(["purgar", "--dias", "0"]).status == 0)
        #expect(try show(id) == stable)
    }

    @Test("purgar --dias N purges what was sent more than N days ago")
    func purgeWithDays() throws {
        let (id, hash) = try attemptedWithPersonalData(at: Date().addingTimeInterval(-10 * 86_400)) {
            try $0.recordSent($1, radicado: "TER-2026-000124")
        }
        // Ten days is within the default 30: nothing purged yet.
        #expect(count(of: try json(["novedad", "ver", id, "--json"])["adjuntos"]) == 1)
        let kept = try cli.run(["purgar", "--dias", "11"])
        #expect(kept.status == 0 && kept.stdout.contains("No hay novedades enviadas o rechazadas hace más de 11 días"))
        #expect(FileManager.default.fileExists(atPath: cli.dataDirectory + "/adjuntos/" + hash))
        let purged = try cli.run(["purgar", "--dias", "9"])
        #expect(purged.status == 0)
        #expect(purged.stdout.contains("Se purgaron 1 novedades enviadas o rechazadas hace más de 9 días"))
        let value = try json(["novedad", "ver", id, "--json"])
        #expect(value["adjuntos"] == .array([]) && value["contacto"] == .null && value["radicado"] == .string("TER-2026-000124"))
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory + "/adjuntos/" + hash))
        // A sent novedad refuses every change.
        try expectRefused(["novedad", "editar", id, "--barrio", "Timiza"], reason: "ya fue enviada: no se puede editar", unchanged: id)
        try expectRefused(["novedad", "borrar", id], reason: "ya fue enviada", unchanged: id)
    }

    @Test("purgar --dias 0 leaves no byte of a purged name or phone in the database, its log or the photos")
    func purgeLeavesNoTrace() throws {
        try setUp()
        let sent = try create(["--tipo", "violencia-mujer", "--localidad", "kennedy", "--descripcion", Self.description,
                               "--contacto-nombre", "Zacarías Quintero Ybarra", "--contacto-telefono", "317 555 0199",
                               "--consentimiento", "v1", "--adjunto", try photo("a.png"), "--encolar"])
        let rejected = try create(["--tipo", "violencia-mujer", "--localidad", "kennedy", "--descripcion", Self.description,
                                   "--contacto-nombre", "Eufrasia Villamizar", "--contacto-telefono", "312 555 0142",
                                   "--consentimiento", "v1", "--adjunto", try photo("b.png", width: 6), "--encolar"])
        let trashed = try create(["--contacto-nombre", "Gumersindo Arciniegas", "--consentimiento", "v1"])
        #expect(try cli.run(["novedad", "borrar", trashed]).status == 0)
        try outbox { store in
            try store.beginSending(sent)
            try store.recordSent(sent, radicado: "TER-2026-000125")
            try store.beginSending(rejected)
            try store.recordRejected(rejected, reason: "dirección inexistente")
        }
        let needles = ["Zacarías", "Quintero Ybarra", "555 0199", "Villamizar", "555 0142", "Arciniegas"]
        let files = { () throws -> [String] in
            let data = self.cli.dataDirectory
            let photos = (try? FileManager.default.contentsOfDirectory(atPath: data + "/adjuntos")) ?? []
            return ([Store.fileName, Store.fileName + "-wal"] + photos.map { "adjuntos/" + $0 })
                .filter { FileManager.default.fileExists(atPath: data + "/" + $0) }
        }
        func holding(_ needle: String) throws -> [String] {
            try files().filter { Data(try fileBytes(cli.dataDirectory + "/" + $0)).range(of: Data(needle.utf8)) != nil }
        }
        #expect(try !holding("Villamizar").isEmpty)

        // Another connection stays open meanwhile (the interface in another window), so the
        // write-ahead log outlives the command and is searched too.
        let other = try Store(directory: DataDirectory(path: cli.dataDirectory))
        defer { withExtendedLifetime(other) {} }
        _ = try other.novedades().counts()
        let run = try cli.run(["purgar", "--dias", "0"])
        #expect(FileManager.default.fileExists(atPath: cli.dataDirectory + "/" + Store.fileName + "-wal"))
        #expect(run.status == 0 && run.stdout.contains("Se purgaron 2 novedades enviadas o rechazadas"), "\(run.stdout)\(run.stderr)")
        for needle in needles { #expect(try holding(needle).isEmpty, "\(needle)") }
        let value = try json(["novedad", "ver", rejected, "--json"])
        #expect(value["estado"] == .string("rechazada") && value["contacto"] == .null && value["adjuntos"] == .array([]))
        #expect(try json(["novedades", "--papelera", "--json"]) == .array([]))
    }

    @Test("a transient failure shows attempts, last error and next retry; desencolar is then refused")
    func transientFailure() throws {
        let retry = Date().addingTimeInterval(3_600)
        let (id, _) = try attemptedWithPersonalData { try $0.recordTransientFailure($1, error: "sin conexión con el servidor", nextAttempt: retry) }
        let value = try json(["novedad", "ver", id, "--json"])
        #expect(value["estado"] == .string("en_cola"))
        #expect(value["intentos"] == .integer(1))
        #expect(value["ultimo_error"] == .string("sin conexión con el servidor"))
        #expect(value["proximo_intento"] == .string(Timestamp.string(from: retry)))
        let text = try cli.run(["novedad", "ver", id])
        #expect(text.stdout.contains("Intentos: 1 · último error: sin conexión con el servidor · próximo intento: "))
        try expectRefused(["novedad", "desencolar", id], reason: "ya se intentó enviar", unchanged: id)
    }

    @Test("corregir makes a new draft from a rejected novedad, which stays read-only")
    func correct() throws {
        let (id, hash) = try attemptedWithPersonalData { try $0.recordRejected($1, reason: "La dirección no corresponde a la localidad") }
        let rejected = try show(id)
        #expect(try JSONParser.parse(rejected)["motivo_rechazo"] == .string("La dirección no corresponde a la localidad"))
        try expectRefused(["novedad", "editar", id, "--barrio", "Timiza"], reason: "fue rechazada y es de solo lectura", unchanged: id)
        try expectRefused(["novedad", "desencolar", id], reason: "no se puede desencolar", unchanged: id)
        let value = try json(["novedad", "corregir", String(id.prefix(8)), "--json"])
        #expect(isLowercaseUUID(value["id"]) && value["id"] != .string(id))
        #expect(value["estado"] == .string("borrador") && value["corrige"] == .string(id))
        #expect(value["descripcion"] == .string(Self.description) && value["tipo"] == .string("violencia-mujer"))
        if case .array(let items)? = value["adjuntos"] { #expect(items.first?["sha256"] == .string(hash)) }
        #expect(try show(id) == rejected)
        guard case .string(let newId)? = value["id"] else { return }
        #expect(try json(["novedad", "encolar", newId, "--json"])["estado"] == .string("en_cola"))
    }

    // MARK: - Lists

    @Test("novedades lists newest first and filters by estado")
    func lists() throws {
        try setUp()
        let empty = try cli.run(["novedades"])
        #expect(empty.status == 0 && empty.stdout.contains("No hay novedades"))
        #expect(try list() == "[]\n")
        let draft = try create(["--tipo", "violencia-mujer", "--localidad", "kennedy"])
        let queued = try create(["--tipo", "violencia-mujer", "--localidad", "kennedy", "--descripcion", Self.description])
        try json(["novedad", "encolar", queued, "--json"])
        let all = try json(["novedades", "--json"])
        #expect(Set(all.arrayOfIds ?? []) == [draft, queued])
        if case .array(let items) = all {
            for item in items {
                #expect(isLowercaseUUID(item["id"]) && item["radicado"] == .null && item["intentos"] == .integer(0))
                #expect(item["adjuntos"] == .array([]) && item["ultimo_error"] == .null && item["proximo_intento"] == .null)
            }
        }
        #expect(try json(["novedades", "--estado", "borrador", "--json"]).arrayOfIds == [draft])
        #expect(try json(["novedades", "--estado", "EN_COLA", "--json"]).arrayOfIds == [queued])
        #expect(try json(["novedades", "--estado", "enviada", "--json"]) == .array([]))
        let none = try cli.run(["novedades", "--estado", "rechazada"])
        #expect(none.status == 0 && none.stdout.contains("No hay novedades en estado rechazada."))
        let text = try cli.run(["novedades"])
        #expect(text.stdout.contains(String(queued.prefix(8))) && text.stdout.contains("en cola"))
        #expect(text.stdout.contains("Violencia contra una mujer · Kennedy"))
    }

    @Test("novedad tipos lists the types with their entity")
    func types() throws {
        try setUp()
        let text = try cli.run(["novedad", "tipos"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("violencia-mujer") && text.stdout.contains("Violencia contra una mujer (SDMujer)"))
        #expect(text.stdout.contains("habitante-calle") && text.stdout.contains("(SDIS)"))
        let value = try json(["novedad", "tipos", "--json"])
        #expect(value.arrayOfIds == ["violencia-mujer", "habitante-calle"])
        if case .array(let items) = value { #expect(items.first?["entidad"] == .string("sdmujer")) }
    }

    @Test("purgar says what it did and accepts --dias")
    func purge() throws {
        try setUp()
        let id = try create()
        let before = try show(id)
        for arguments in [["purgar"], ["purgar", "--dias", "0"], ["purgar", "--dias=3650"]] {
            let run = try cli.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.contains("No hay novedades enviadas o rechazadas hace más de"))
        }
        #expect(try show(id) == before)
    }

    // MARK: - Exit codes

    @Test("usage errors exit 2 with nothing on stdout", arguments: [
        ["novedad"], ["novedad", "volar"], ["novedad", "ver"], ["novedad", "ver", "a", "b"], ["novedad", "adjuntar", "abcd"],
        ["novedad", "crear", "--nada"], ["novedad", "crear", "--tipo"], ["novedad", "crear", "--json=si"],
        ["novedad", "quitar-adjunto", "abcd"], ["novedades", "--estado", "perdida"], ["novedades", "--estado"],
        ["purgar", "--dias", "mil"], ["purgar", "--dias", "3651"], ["purgar", "--dias", "-1"], ["perfil", "--apellido", "x"],
        ["novedad", "borrar", "--json", "abcd"],
    ])
    func usageErrors(arguments: [String]) throws {
        let run = try cli.run(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    /// A refused command on an existing draft, and part of the reason it must print.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: @Sendable (_ id: String, _ folder: String) -> [String]
        let reason: String
        var testDescription: String { name }

        static func edit(_ name: String, _ options: [String], _ reason: String) -> Refusal {
            Refusal(name: name, arguments: { id, _ in ["novedad", "editar", id] + options }, reason: reason)
        }

        static func attach(_ name: String, _ file: String, _ reason: String) -> Refusal {
            Refusal(name: name, arguments: { id, folder in ["novedad", "adjuntar", id, folder + "/" + file] }, reason: reason)
        }

        static let all: [Refusal] = [
            edit("localidad desconocida", ["--localidad", "bosa"], "no está en la lista de localidades"),
            edit("localidad ambigua", ["--localidad", "san"], "coincide con varios valores"),
            edit("tipo desconocido", ["--tipo", "hueco en la via"], "no está en la lista de tipos"),
            edit("entidad desconocida", ["--entidad", "secretaria de movilidad"], "no está en la lista de entidades"),
            edit("urgencia desconocida", ["--urgencia", "altisima"], "no está en la lista de urgencias"),
            edit("población desconocida", ["--poblacion", "marcianos"], "no está en la lista de poblaciones"),
            edit("ruta desconocida", ["--ruta", "no-existe"], "no hay una ruta con id «no-existe»"),
            edit("coordenadas fuera de rango", ["--coordenadas", "91,-74"], "la latitud va de -90 a 90"),
            edit("coordenadas mal escritas", ["--coordenadas", "norte"], "LATITUD,LONGITUD"),
            edit("descripción de 5001", ["--descripcion", String(repeating: "a", count: 5_001)], "a lo sumo 5000 caracteres"),
            edit("carácter de control", ["--barrio", "Lucero\u{1B}[2J"], "carácter de control (U+001B)"),
            edit("teléfono", ["--contacto-telefono", "llamar en la tarde"], "no parece un teléfono"),
            edit("contacto sin consentimiento", ["--contacto-nombre", "Rosa Díaz"], "autorización previa (Ley 1581 de 2012)"),
            edit("teléfono sin consentimiento", ["--contacto-telefono", "300 555 1234"], "--consentimiento VERSION-DEL-TEXTO"),
            edit("fecha observada", ["--observada", "ayer"], "AAAA-MM-DD HH:MM"),
            edit("fecha imposible", ["--observada", "2026-02-30 10:00"], "AAAA-MM-DD HH:MM"),
            attach("archivo que no existe", "no-hay.jpg", "el archivo no existe"),
            attach("carpeta", "Carpeta.jpg", "es una carpeta, no un archivo"),
            attach("tubería (FIFO), que bloquearía al abrirla", "tubo.jpg", "es una tubería (FIFO), no un archivo"),
            attach("PDF renombrado", "documento.jpg", "documento PDF"),
            attach("archivo vacío", "vacia.jpg", "el archivo está vacío"),
            attach("PNG cortado", "cortada.png", "incompleta o dañada"),
            attach("ciclo de enlaces", "ciclo-a.jpg", "forma un ciclo"),
            attach("la misma foto dos veces", "foto.png", "esa misma foto ya está adjunta"),
            attach("la misma foto con otro nombre", "copia de foto.png", "esa misma foto ya está adjunta"),
            Refusal(name: "quitar un adjunto que no está", arguments: { id, _ in ["novedad", "quitar-adjunto", id, "zzzz"] },
                    reason: "no tiene un adjunto cuyo sha256 empiece por «zzzz»"),
            Refusal(name: "encolar incompleta", arguments: { id, _ in ["novedad", "encolar", id] }, reason: "• localidad: falta la localidad"),
            Refusal(name: "desencolar un borrador", arguments: { id, _ in ["novedad", "desencolar", id] }, reason: "no se puede desencolar"),
            Refusal(name: "corregir un borrador", arguments: { id, _ in ["novedad", "corregir", id] }, reason: "no se puede corregir"),
        ]
    }

    @Test("every refusal exits 1 and novedad ver --json prints identical bytes before and after", arguments: Refusal.all)
    func refusals(refusal: Refusal) throws {
        try setUp()
        let photoPath = try photo("foto.png")
        try Data(try fileBytes(photoPath)).write(to: URL(fileURLWithPath: cli.folder.path + "/copia de foto.png"))
        try FileManager.default.createDirectory(atPath: cli.folder.path + "/Carpeta.jpg", withIntermediateDirectories: true)
        try Data("%PDF-1.7\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: cli.folder.path + "/documento.jpg"))
        #expect(mkfifo(cli.folder.path + "/tubo.jpg", 0o600) == 0)
        try Data().write(to: URL(fileURLWithPath: cli.folder.path + "/vacia.jpg"))
        let png = PNGBuilder.bytes(width: 3, height: 3)
        try Data(png.prefix(png.count - 12)).write(to: URL(fileURLWithPath: cli.folder.path + "/cortada.png"))
        try FileManager.default.createSymbolicLink(atPath: cli.folder.path + "/ciclo-a.jpg", withDestinationPath: cli.folder.path + "/ciclo-b.jpg")
        try FileManager.default.createSymbolicLink(atPath: cli.folder.path + "/ciclo-b.jpg", withDestinationPath: cli.folder.path + "/ciclo-a.jpg")
        // A draft with a type, a neighbourhood and one photo, but no localidad: incomplete.
        let id = try create(["--tipo", "violencia-mujer", "--barrio", "Lucero", "--descripcion", Self.description, "--adjunto", photoPath])
        try expectRefused(refusal.arguments(id, cli.folder.path), reason: refusal.reason, unchanged: id)
    }

    @Test("a refused crear creates nothing", arguments: [
        ["--localidad", "bosa"], ["--descripcion", String(repeating: "a", count: 5_001)], ["--adjunto", "no-hay.png"],
        ["--adjunto", "foto.png", "--adjunto", "foto.png"], ["--contacto-telefono", "123"], ["--coordenadas", "4.6"],
        ["--contacto-nombre", "Rosa Díaz"], ["--contacto-telefono", "300 555 1234", "--contacto-menor"], ["--contacto-sensible"],
    ])
    func refusedCreate(options: [String]) throws {
        try setUp()
        let existing = try create()
        try photo("foto.png")
        let before = try list()
        let resolved = options.map { $0.hasSuffix(".png") ? cli.folder.path + "/" + $0 : $0 }
        let run = try cli.run(["novedad", "crear"] + resolved + ["--json"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
        #expect(try list() == before)
        #expect(try json(["novedades", "--json"]).arrayOfIds == [existing])
    }

    @Test("a refused editar with several options changes none of them")
    func refusedEditChangesNothing() throws {
        try setUp()
        let id = try create(["--tipo", "violencia-mujer", "--barrio", "Lucero"])
        try expectRefused(["novedad", "editar", id, "--barrio", "Timiza", "--adjunto", cli.folder.path + "/no-hay.png"],
                          reason: "el archivo no existe", unchanged: id)
        try expectRefused(["novedad", "editar", id, "--barrio", "Patio Bonito", "--encolar"], reason: "no se puede encolar todavía",
                          unchanged: id)
    }

    @Test("a refused crear --encolar creates nothing")
    func refusedCreateAndEnqueue() throws {
        try setUp()
        let before = try list()
        let run = try cli.run(["novedad", "crear", "--tipo", "violencia-mujer", "--encolar", "--json"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("• localidad: falta la localidad"))
        #expect(try list() == before)
    }

    // MARK: - Stable JSON

    @Test("repeated --json calls print identical bytes", arguments: [
        ["novedad", "ver", "ID", "--json"], ["novedades", "--json"], ["novedades", "--estado", "borrador", "--json"],
        ["novedad", "tipos", "--json"], ["perfil", "--json"],
    ])
    func stableJSON(arguments: [String]) throws {
        try setUp()
        let id = try create(["--tipo", "violencia-mujer", "--coordenadas", "4.6097,-74.0817", "--adjunto", try photo("foto.png"),
                             "--contacto-nombre", "Rosa Díaz", "--consentimiento", "v1"])
        _ = try create(["--localidad", "usaquen"])
        let resolved = arguments.map { $0 == "ID" ? id : $0 }
        let first = try cli.run(resolved)
        let second = try cli.run(resolved)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect((try? JSONParser.parse(first.stdout)) != nil)
    }
}
