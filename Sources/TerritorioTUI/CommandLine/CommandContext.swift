import TerritorioModel

/// What every command works with: its parsed arguments, the environment, where to print, the
/// open store — and the helpers they share (reference values, the sample warning, JSON).
struct CommandContext {
    let command: ParsedCommand
    let environment: [String: String]
    let console: Console
    let store: Store

    func warnIfSample() throws {
        if try store.catalogue.info()?.isSample == true { console.err(CatalogueInfo.sampleWarning) }
    }

    func routeFilter() throws -> RouteFilter {
        let references = try store.catalogue.references()
        return RouteFilter(
            theme: try resolve(command.value("--tema"), .temas, references),
            entity: try resolve(command.value("--entidad"), .entidades, references),
            localidad: try resolve(command.value("--localidad"), .localidades, references))
    }

    func resolve(_ input: String?, _ kind: ReferenceKind, _ references: ReferenceLists) throws -> String? {
        guard let input else { return nil }
        switch ReferenceResolver.resolve(input, in: references[kind]) {
        case .found(let item):
            return item.id
        case .ambiguous(let candidates):
            throw CommandFailure(message: "«\(input)» coincide con varios valores de la lista de \(kind.rawValue): "
                + candidates.map(\.label).joined(separator: "; ") + ". Escriba más del nombre, el id o el número.")
        case .unknown(let closest):
            var message = "«\(input)» no está en la lista de \(kind.rawValue)."
            if !closest.isEmpty { message += " ¿Quiso decir: " + closest.map(\.label).joined(separator: "; ") + "?" }
            message += " Vea «territorio referencias \(kind.rawValue)»."
            throw CommandFailure(message: message)
        }
    }



    func printJSON(_ value: JSONValue) {
        console.out(JSONWriter.string(value))
    }
}
