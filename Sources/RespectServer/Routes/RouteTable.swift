/// Every route of the service, in one place. The router is built from this list, the OpenAPI
/// document must describe exactly its API routes (a test checks both ways), and issue 15's
/// access matrix tries each route as each role.
enum RouteTable {
    static let all: [Route] = ServiceRoutes.routes + PageRoutes.routes + AccountRoutes.routes + FrameworkRoutes.routes
        + SubmissionRoutes.routes + EvidenceFileRoutes.routes + CheckRoutes.routes + FindingRoutes.routes
        + TenderRoutes.routes + RoundRoutes.routes + RunRoutes.routes + AuditRoutes.routes + ProviderPageRoutes.routes
        + AssessorPageRoutes.routes + CommissionerPageRoutes.routes + AdminPageRoutes.routes

    /// The API routes (under `/api/v1`), which the OpenAPI document describes.
    static var api: [Route] { all.filter { $0.path.hasPrefix("/api/v1/") } }
}
