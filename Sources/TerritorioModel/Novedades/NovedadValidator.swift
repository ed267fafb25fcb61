/// What `encolar` checks, every problem at once and in Spanish, each attached to its field so
/// the interface can show it next to it.
enum NovedadValidator {
    static func problems(of novedad: Novedad, profile: Profile, references: ReferenceLists) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let type = novedad.type {
            if references.item(.tipos, id: type) == nil {
                problems.append(ValidationProblem(field: "tipo", message: "el tipo «\(type)» ya no está en el catálogo en uso; elija otro"))
            }
        } else {
            problems.append(ValidationProblem(field: "tipo", message: "falta el tipo de novedad"))
        }
        if let localidad = novedad.localidad {
            if references.item(.localidades, id: localidad) == nil {
                problems.append(ValidationProblem(field: "localidad", message: "la localidad «\(localidad)» ya no está en el catálogo en uso; elija otra"))
            }
        } else {
            problems.append(ValidationProblem(field: "localidad", message: "falta la localidad"))
        }
        for (field, kind, value) in [("entidad", ReferenceKind.entidades, novedad.entity), ("urgencia", .urgencias, novedad.urgency)] {
            if let value, references.item(kind, id: value) == nil {
                problems.append(ValidationProblem(field: field, message: "«\(value)» ya no está en el catálogo en uso; elija otro valor"))
            }
        }
        for group in novedad.populationGroups where references.item(.poblaciones, id: group) == nil {
            problems.append(ValidationProblem(field: "poblacion", message: "«\(group)» ya no está en el catálogo en uso; quítela o elija otra"))
        }
        let length = novedad.description.count
        if length < NovedadChanges.minimumDescription {
            problems.append(ValidationProblem(field: "descripcion", message: length == 0
                ? "falta la descripción (al menos \(NovedadChanges.minimumDescription) caracteres)"
                : "la descripción es muy corta: \(length) caracteres de al menos \(NovedadChanges.minimumDescription)"))
        } else if length > NovedadChanges.maximumDescription {
            problems.append(ValidationProblem(field: "descripcion", message: "la descripción pasa de \(NovedadChanges.maximumDescription) caracteres"))
        }
        if !profile.isComplete {
            problems.append(ValidationProblem(field: "perfil", message: "falta el perfil del gestor (nombre y entidad): «territorio perfil --nombre … --entidad …»"))
        }
        if let contact = novedad.contact, contact.hasData, contact.consent == nil {
            problems.append(ValidationProblem(field: "consentimiento",
                                              message: "hay datos de contacto del ciudadano sin registro de consentimiento (Ley 1581 de 2012): use --consentimiento VERSION-DEL-TEXTO o quite los datos"))
        }
        return problems
    }
}
