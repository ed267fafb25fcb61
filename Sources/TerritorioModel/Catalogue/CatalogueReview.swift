/// What `territorio catalogo revisar` finds in a catalogue before it is published: channels whose
/// sources are old or undated, unconfirmed ones, routes without a channel, a source or a legal
/// basis, one number under two names, localidades left without any route of a theme, and sources
/// cited that do not exist. Depends only on the catalogue (its own `fecha`, never today).
public struct CatalogueReview: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case staleChannel = "verificar_vigencia"
        case unconfirmedChannel = "canal_por_confirmar"
        case legalBasisUnconfirmed = "base_legal_por_confirmar"
        case routeWithoutChannel = "ruta_sin_canal"
        case routeWithoutSource = "ruta_sin_fuente"
        case channelWithoutSource = "canal_sin_fuente"
        case routeWithoutLegalBasis = "ruta_sin_base_legal"
        case numberUnderTwoNames = "numero_con_dos_nombres"
        case localidadWithoutTheme = "localidad_sin_tema"
        case missingSource = "fuente_inexistente"
        case unusedSource = "fuente_sin_uso"

        /// Declared in the data itself (a "por confirmar" flag, a source's date): the authors know.
        public var isKnown: Bool { [.staleChannel, .unconfirmedChannel, .legalBasisUnconfirmed].contains(self) }

        var heading: String {
            switch self {
            case .staleChannel: "Canales para verificar vigencia"
            case .unconfirmedChannel: "Canales por confirmar"
            case .legalBasisUnconfirmed: "Rutas con base legal por confirmar"
            case .routeWithoutChannel: "Rutas sin canal"
            case .routeWithoutSource: "Rutas sin fuente"
            case .channelWithoutSource: "Canales sin fuente"
            case .routeWithoutLegalBasis: "Rutas sin base legal"
            case .numberUnderTwoNames: "Un número con dos nombres"
            case .localidadWithoutTheme: "Localidades sin ruta de un tema"
            case .missingSource: "Fuentes citadas que no existen"
            case .unusedSource: "Fuentes que nadie cita"
            }
        }
    }

    public struct Finding: Equatable, Sendable {
        public let kind: Kind
        /// The route concerned, when there is one.
        public let route: String?
        /// Where in the file: `rutas[3].canales[1]`, `fuentes[7]`…
        public let place: String
        public let message: String

        public var json: JSONValue {
            .object([
                ("tipo", .string(kind.rawValue)),
                ("conocido", .bool(kind.isKnown)),
                ("ruta", route.map(JSONValue.string) ?? .null),
                ("lugar", .string(place)),
                ("mensaje", .string(message)),
            ])
        }
    }

    public let version: String
    public let months: Int
    public let findings: [Finding]

    public init(catalogue: Catalogue, months: Int = FreshnessPolicy.defaultMonths) {
        version = catalogue.info.version
        self.months = months
        let policy = FreshnessPolicy(catalogue: catalogue, months: months)
        let sourceIDs = Set(catalogue.sources.map(\.id))
        var found: [Finding] = []
        var cited = Set<String>()
        var namesByNumber: [String: [(name: String, place: String, route: String)]] = [:]

        for (routeIndex, ruta) in catalogue.rutas.enumerated() {
            let place = "rutas[\(routeIndex)]"
            func add(_ kind: Kind, _ at: String, _ message: String) {
                found.append(Finding(kind: kind, route: ruta.id, place: at, message: message))
            }
            if ruta.channels.isEmpty { add(.routeWithoutChannel, place, "no tiene ningún canal") }
            if ruta.sources.isEmpty { add(.routeWithoutSource, place + ".fuentes", "no cita ninguna fuente") }
            if ruta.legalBasis.isEmpty {
                if ruta.legalBasisUnconfirmed {
                    add(.legalBasisUnconfirmed, place + ".base_legal", "base legal por confirmar")
                } else {
                    add(.routeWithoutLegalBasis, place + ".base_legal", "no tiene base legal ni la marca como por confirmar")
                }
            }
            for (offset, id) in ruta.sources.enumerated() {
                cited.insert(id)
                if !sourceIDs.contains(id) { add(.missingSource, "\(place).fuentes[\(offset)]", "cita la fuente «\(id)», que no está en fuentes") }
            }
            for (channelIndex, channel) in ruta.channels.enumerated() {
                let at = "\(place).canales[\(channelIndex)]"
                let label = "«\(channel.name)» (\(channel.value))"
                if channel.sources.isEmpty { add(.channelWithoutSource, at + ".fuentes", "\(label) no cita ninguna fuente") }
                for (offset, id) in channel.sources.enumerated() {
                    cited.insert(id)
                    if !sourceIDs.contains(id) { add(.missingSource, "\(at).fuentes[\(offset)]", "\(label) cita la fuente «\(id)», que no está en fuentes") }
                }
                if channel.unconfirmed { add(.unconfirmedChannel, at, "\(label) por confirmar") }
                if let warning = policy.freshness(of: channel).warning { add(.staleChannel, at, "\(label): \(warning)") }
                if channel.kind == .telefono || channel.kind == .whatsapp {
                    let digits = String(channel.value.filter(\.isASCII).filter(\.isNumber))
                    if !digits.isEmpty { namesByNumber[digits, default: []].append((channel.name, at, ruta.id)) }
                }
            }
        }
        for digits in namesByNumber.keys.sorted() {
            let uses = namesByNumber[digits]!
            var names: [String] = []
            for use in uses where !names.contains(where: { TextFolding.fold($0) == TextFolding.fold(use.name) }) { names.append(use.name) }
            guard names.count > 1, let first = uses.first(where: { $0.name == names[1] }) else { continue }
            found.append(Finding(kind: .numberUnderTwoNames, route: first.route, place: first.place,
                                 message: "el número \(digits) aparece como " + names.map { "«\($0)»" }.joined(separator: " y ")))
        }
        for (index, source) in catalogue.sources.enumerated() where !cited.contains(source.id) {
            found.append(Finding(kind: .unusedSource, route: nil, place: "fuentes[\(index)]", message: "«\(source.id)» no la cita ninguna ruta ni canal"))
        }
        found += Self.localidadGaps(in: catalogue)
        findings = found
    }

    /// Every theme should reach every localidad, through a city-wide route or one of its own.
    private static func localidadGaps(in catalogue: Catalogue) -> [Finding] {
        let localidades = catalogue.references[.localidades]
        var gaps: [Finding] = []
        for theme in catalogue.references[.temas] {
            var covered = Set<String>()
            var everywhere = false
            for ruta in catalogue.rutas where ruta.themes.contains(theme.id) {
                switch ruta.coverage {
                case .everywhere: everywhere = true
                case .localidades(let ids): covered.formUnion(ids)
                }
            }
            if everywhere { continue }
            for localidad in localidades where !covered.contains(localidad.id) {
                gaps.append(Finding(kind: .localidadWithoutTheme, route: nil, place: "referencias.temas",
                                    message: "«\(localidad.name)» no tiene ninguna ruta del tema «\(theme.name)»"))
            }
        }
        return gaps
    }

    public func count(_ kind: Kind) -> Int { findings.count { $0.kind == kind } }

    /// Findings that are not declared in the data: mistakes to fix before publishing.
    public var problemCount: Int { findings.count { !$0.kind.isKnown } }

    /// One line: the problems, then what the data itself declares as unconfirmed or old.
    public var summary: String {
        let problems = problemCount
        var text = "Revisión del catálogo \(version): "
        text += problems == 0 ? "sin problemas" : "\(problems) \(problems == 1 ? "problema" : "problemas") por corregir"
        text += "; conocidos: \(count(.unconfirmedChannel)) canales por confirmar, "
        text += "\(count(.staleChannel)) canales para verificar vigencia (fuente de más de \(months) meses o sin fecha), "
        text += "\(count(.legalBasisUnconfirmed)) rutas con base legal por confirmar."
        return text
    }

    /// The report as text: findings grouped by kind, then the summary line.
    public var text: String {
        var lines: [String] = []
        for kind in Kind.allCases {
            let ofKind = findings.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            lines.append("\(kind.heading) (\(ofKind.count))\(kind.isKnown ? " — conocidos" : ""):")
            lines += ofKind.map { "  " + ($0.route.map { "\($0): " } ?? "") + $0.message }
        }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    public var json: JSONValue {
        .object([
            ("catalogo", .string(version)),
            ("meses", .integer(Int64(months))),
            ("problemas", .integer(Int64(problemCount))),
            ("conocidos", .integer(Int64(findings.count - problemCount))),
            ("resumen", .string(summary)),
            ("hallazgos", .array(findings.map(\.json))),
        ])
    }
}
