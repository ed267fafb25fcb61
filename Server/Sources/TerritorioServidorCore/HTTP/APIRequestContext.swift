import Hummingbird

/// The context every request starts with; `BearerAuthentication` fills in the gestor.
struct APIRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var gestor: AuthenticatedGestor?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}

/// The context of an API route. It exists only with a gestor, so a handler written against it
/// cannot run for a request that was not authenticated.
struct GestorRequestContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let gestor: AuthenticatedGestor

    init(context: APIRequestContext) throws {
        guard let gestor = context.gestor else { throw APIProblem.unauthorized() }
        self.coreContext = context.coreContext
        self.gestor = gestor
    }
}
