import Hummingbird
import TerritorioWire

/// Makes every error answer a problem document: the router's own `404`s and any unexpected
/// failure (the database gone, a bug) included. Unexpected failures become `503` with
/// `Retry-After`, which the client treats as transient: the novedad stays queued, nothing is lost.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as APIProblem {
            throw problem
        } catch let error as HTTPError where error.status == .notFound {
            throw APIProblem.notFound()
        } catch let error as HTTPError where error.status.kind == .clientError {
            throw APIProblem.badRequest(error.body ?? "La solicitud no se pudo interpretar.")
        } catch {
            context.logger.error("Error al atender \(request.method) \(request.uri.path): \(LoggableError.describe(error))")
            throw APIProblem.unavailable()
        }
    }
}
