import Foundation

/// Reads and validates a catalogue file completely before anything is stored: format, types,
/// limits, unique ids and every reference between lists and routes.
public enum CatalogueReader {
    /// No real catalogue comes near this; a bigger file is refused before it is read.
    public static let maximumFileBytes: Int64 = 64 * 1_048_576
    public static let maximumRoutes = 200_000

    /// Reads the catalogue at `path`. Only a regular file is opened (a FIFO or a device is refused
    /// from `stat`, and the open never waits), and its size is checked before it is read.
    /// - Parameter checkingSources: false only for `catalogo revisar`, which reports citations of
    ///   sources that do not exist instead of stopping at the first one.
    /// - Throws: `CatalogueError` naming the place of the first problem.
    public static func read(path: String, checkingSources: Bool = true) throws -> Catalogue {
        var named = stat()
        guard stat(path, &named) == 0 else { throw CatalogueError.unreadable(path: path, reason: "no existe o no se puede abrir") }
        try requireRegularFile(named, path: path)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CatalogueError.unreadable(path: path, reason: "no se tiene permiso para leerlo")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else { throw CatalogueError.unreadable(path: path, reason: "no se puede abrir") }
        try requireRegularFile(opened, path: path)
        let size = Int64(opened.st_size)
        guard size <= maximumFileBytes else { throw CatalogueError.tooLarge(bytes: size, limit: maximumFileBytes) }
        let data: Data
        do {
            data = try handle.read(upToCount: Int(maximumFileBytes) + 1) ?? Data()
        } catch {
            throw CatalogueError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard Int64(data.count) <= maximumFileBytes else {
            throw CatalogueError.tooLarge(bytes: Int64(data.count), limit: maximumFileBytes)
        }
        return try read(bytes: Array(data), checkingSources: checkingSources)
    }

    private static func requireRegularFile(_ status: stat, path: String) throws {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw CatalogueError.unreadable(path: path, reason: "es una carpeta, no un archivo")
        case S_IFIFO: throw CatalogueError.unreadable(path: path, reason: "es una tubería (FIFO), no un archivo")
        default: throw CatalogueError.unreadable(path: path, reason: "no es un archivo normal (¿un dispositivo?)")
        }
    }

    /// Reads a catalogue from the bytes of a file.
    public static func read(bytes: [UInt8], checkingSources: Bool = true) throws -> Catalogue {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch let error as JSONParser.SyntaxError {
            throw CatalogueError.syntax(error)
        }
        return try read(document: document, checkingSources: checkingSources)
    }

    static func read(document: JSONValue, checkingSources: Bool = true) throws -> Catalogue {
        let format = try JSONCursor(document)
            .object(required: ["formato"], optional: ["version", "fecha", "muestra", "aviso", "referencias", "fuentes", "rutas"])
            .child("formato").string(1...100)
        guard Catalogue.formats.contains(format) else {
            throw JSONCursor(document).child("formato")
                .fail("se esperaba «\(Catalogue.formats.joined(separator: "» o «"))» y dice «\(format)»")
        }
        let hasSources = format != Catalogue.formats[0]
        let root = try JSONCursor(document).object(
            required: ["formato", "version", "fecha", "muestra", "referencias", "rutas"] + (hasSources ? ["fuentes"] : []),
            optional: ["aviso"])
        let info = CatalogueInfo(
            version: try root.child("version").string(1...40),
            date: try root.child("fecha").date(),
            isSample: try root.child("muestra").bool(),
            notice: try root.optionalString("aviso", 1...500))
        let references = try readReferences(root.child("referencias"))
        let sources = hasSources ? try readSources(root.child("fuentes")) : []
        let sourceIDs = Set(sources.map(\.id))
        var ids = Set<String>()
        var rutas: [Ruta] = []
        for cursor in try root.child("rutas").array(0...maximumRoutes) {
            let ruta = try readRoute(cursor, allowingSources: hasSources)
            guard ids.insert(ruta.id).inserted else { throw cursor.child("id").fail("el id «\(ruta.id)» está repetido") }
            try checkReferences(of: ruta, at: cursor, against: references)
            if checkingSources { try checkSources(of: ruta, at: cursor, against: sourceIDs) }
            rutas.append(ruta)
        }
        return Catalogue(info: info, references: references, sources: sources, rutas: rutas)
    }

    // MARK: - Sources

    /// The sources as the store keeps them: the list written from a validated file.
    static func readStoredSources(_ list: JSONValue) throws -> [Fuente] {
        try readSources(JSONCursor(list, path: "fuentes"))
    }

    private static func readSources(_ cursor: JSONCursor) throws -> [Fuente] {
        var seen = Set<String>()
        return try cursor.array(0...100_000).map { element in
            let object = try element.object(required: ["id", "titulo", "consultada"], optional: ["direccion", "fecha"])
            let source = Fuente(
                id: try object.child("id").slug(),
                title: try object.child("titulo").string(1...300),
                address: try object.optionalString("direccion", 1...1_000),
                date: object.has("fecha") && object.child("fecha").value != .null ? try object.child("fecha").sourceDate() : nil,
                consulted: try object.child("consultada").sourceDate())
            guard seen.insert(source.id).inserted else { throw element.child("id").fail("el id «\(source.id)» está repetido") }
            return source
        }
    }

    private static func checkSources(of ruta: Ruta, at cursor: JSONCursor, against ids: Set<String>) throws {
        for (offset, id) in ruta.sources.enumerated() where !ids.contains(id) {
            throw cursor.child("fuentes").element(offset).fail("la fuente «\(id)» no está en fuentes")
        }
        for (channelOffset, channel) in ruta.channels.enumerated() {
            for (offset, id) in channel.sources.enumerated() where !ids.contains(id) {
                throw cursor.child("canales").element(channelOffset).child("fuentes").element(offset)
                    .fail("la fuente «\(id)» no está en fuentes")
            }
        }
    }

    // MARK: - Reference lists

    private static func readReferences(_ cursor: JSONCursor) throws -> ReferenceLists {
        let object = try cursor.object(required: ReferenceKind.allCases.map(\.rawValue))
        var lists = ReferenceLists()
        for kind in ReferenceKind.allCases {
            lists[kind] = try readList(kind, object.child(kind.rawValue), entities: lists[.entidades], themes: lists[.temas])
        }
        return lists
    }

    private static func readList(_ kind: ReferenceKind, _ cursor: JSONCursor,
                                 entities: [ReferenceItem], themes: [ReferenceItem]) throws -> [ReferenceItem] {
        var seenIds = Set<String>(), seenNames = Set<String>(), seenNumbers = Set<Int>(), seenAcronyms = Set<String>()
        return try cursor.array(0...10_000).map { element in
            let item: ReferenceItem
            switch kind {
            case .localidades:
                let object = try element.object(required: ["id", "numero", "nombre"])
                item = ReferenceItem(kind: kind, id: try object.child("id").slug(), name: try object.child("nombre").string(1...200),
                                     number: try object.child("numero").integer(1...99))
            case .entidades:
                let object = try element.object(required: ["id", "sigla", "nombre"], optional: ["descripcion"])
                item = ReferenceItem(kind: kind, id: try object.child("id").slug(), name: try object.child("nombre").string(1...200),
                                     acronym: try object.child("sigla").string(1...20),
                                     description: try object.optionalString("descripcion", 1...1_000))
            case .tipos:
                let object = try element.object(required: ["id", "nombre", "entidad", "tema"])
                let entity = try object.child("entidad").slug()
                guard entities.contains(where: { $0.id == entity }) else {
                    throw object.child("entidad").fail("la entidad «\(entity)» no está en referencias.entidades")
                }
                let theme = try object.child("tema").slug()
                guard themes.contains(where: { $0.id == theme }) else {
                    throw object.child("tema").fail("el tema «\(theme)» no está en referencias.temas")
                }
                item = ReferenceItem(kind: kind, id: try object.child("id").slug(), name: try object.child("nombre").string(1...200),
                                     entity: entity, theme: theme)
            case .urgencias:
                let object = try element.object(required: ["id", "nombre"], optional: ["descripcion"])
                item = ReferenceItem(kind: kind, id: try object.child("id").slug(), name: try object.child("nombre").string(1...200),
                                     description: try object.optionalString("descripcion", 1...1_000))
            case .temas, .poblaciones:
                let object = try element.object(required: ["id", "nombre"])
                item = ReferenceItem(kind: kind, id: try object.child("id").slug(), name: try object.child("nombre").string(1...200))
            }
            guard seenIds.insert(item.id).inserted else { throw element.child("id").fail("el id «\(item.id)» está repetido") }
            guard seenNames.insert(TextFolding.fold(item.name)).inserted else {
                throw element.child("nombre").fail("el nombre «\(item.name)» está repetido")
            }
            if let number = item.number, !seenNumbers.insert(number).inserted {
                throw element.child("numero").fail("el número \(number) está repetido")
            }
            if let acronym = item.acronym, !seenAcronyms.insert(TextFolding.fold(acronym)).inserted {
                throw element.child("sigla").fail("la sigla «\(acronym)» está repetida")
            }
            return item
        }
    }

    // MARK: - Routes

    /// Reads one route, checking its own fields but not its references to the lists.
    /// - Parameter allowingSources: whether `fuentes` may appear (not in a `/1` file).
    static func readRoute(_ cursor: JSONCursor, allowingSources: Bool = true) throws -> Ruta {
        let object = try cursor.object(required: [
            "id", "titulo", "resumen", "temas", "entidades", "poblacion", "poblaciones", "localidades",
            "pasos", "canales", "requisitos", "base_legal", "fuente", "actualizada",
        ], optional: allowingSources ? ["fuentes", "base_legal_por_confirmar"] : [])
        let coverage: Ruta.Coverage
        let localidades = object.child("localidades")
        if case .string = localidades.value {
            guard try localidades.string(1...10) == "todas" else {
                throw localidades.fail("se esperaba «todas» o una lista de localidades")
            }
            coverage = .everywhere
        } else {
            coverage = .localidades(try localidades.array(1...20).map { try $0.slug() })
        }
        let channels = try object.child("canales").array(0...50).map { try readChannel($0, allowingSources: allowingSources) }
        if channels.filter(\.isMain).count > 1 {
            throw object.child("canales").fail("solo un canal puede ser «principal»")
        }
        return Ruta(
            id: try object.child("id").slug(),
            title: try object.child("titulo").string(3...200),
            summary: try object.child("resumen").string(1...2_000, multiline: true),
            themes: try object.child("temas").array(1...10).map { try $0.slug() },
            entities: try object.child("entidades").array(1...20).map { try $0.slug() },
            population: try object.child("poblacion").string(0...500),
            populationGroups: try object.child("poblaciones").array(0...20).map { try $0.slug() },
            coverage: coverage,
            steps: try object.child("pasos").array(1...50).map { step in
                let paso = try step.object(required: ["titulo"], optional: ["detalle"])
                return RouteStep(title: try paso.child("titulo").string(1...300),
                                 detail: try paso.optionalString("detalle", 1...2_000, multiline: true))
            },
            channels: channels,
            requirements: try object.child("requisitos").strings(0...50, each: 1...500),
            legalBasis: try object.child("base_legal").strings(0...50, each: 1...500),
            legalBasisUnconfirmed: try object.optionalBool("base_legal_por_confirmar") ?? false,
            source: try object.child("fuente").string(1...1_000),
            sources: try object.sourceIDs(),
            updated: try object.child("actualizada").date())
    }

    private static func readChannel(_ cursor: JSONCursor, allowingSources: Bool) throws -> Channel {
        let object = try cursor.object(required: ["tipo", "nombre", "valor", "corte", "por_confirmar"],
                                       optional: ["horario", "principal"] + (allowingSources ? ["fuentes"] : []))
        let kindText = try object.child("tipo").string(1...20)
        guard let kind = Channel.Kind(rawValue: kindText) else {
            throw object.child("tipo").fail("«\(kindText)» no es un tipo de canal; use \(Channel.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return Channel(kind: kind,
                       name: try object.child("nombre").string(1...200),
                       value: try object.child("valor").string(1...300),
                       hours: try object.optionalString("horario", 1...300),
                       cutOff: try object.child("corte").date(),
                       unconfirmed: try object.child("por_confirmar").bool(),
                       isMain: try object.optionalBool("principal") ?? false,
                       sources: try object.sourceIDs())
    }

    private static func checkReferences(of ruta: Ruta, at cursor: JSONCursor, against references: ReferenceLists) throws {
        func check(_ ids: [String], _ kind: ReferenceKind, field: String) throws {
            for (offset, id) in ids.enumerated() where references.item(kind, id: id) == nil {
                throw JSONCursor(.string(id), path: "\(cursor.path).\(field)[\(offset)]")
                    .fail("«\(id)» no está en referencias.\(kind.rawValue)")
            }
        }
        try check(ruta.themes, .temas, field: "temas")
        try check(ruta.entities, .entidades, field: "entidades")
        try check(ruta.populationGroups, .poblaciones, field: "poblaciones")
        if case .localidades(let ids) = ruta.coverage { try check(ids, .localidades, field: "localidades") }
    }
}
