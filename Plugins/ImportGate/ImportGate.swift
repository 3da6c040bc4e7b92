import PackagePlugin

/// Holds the line between the web layer and storage: WaymarkWeb reaches
/// young people's data through WaymarkApp only. SwiftPM lets a target import
/// any module its dependencies pull in, so this check runs on every build of
/// the target it is attached to and fails the build, naming file and line,
/// when a source file imports a storage module.
@main
struct ImportGate: BuildToolPlugin {
    /// What the web layer may never import: the store and the SQL beneath it.
    static let forbidden = ["WaymarkStore", "SQLKit", "SQLiteKit", "PostgresKit", "SQLiteNIO", "PostgresNIO"]

    /// Files written before the gate that still import the store, each to be
    /// moved behind a WaymarkApp use case; the list only ever shrinks.
    static let notYetMoved: Set<String> = [
        "Auth/SessionMiddleware.swift",
        "Controllers/Account/PasswordController.swift",
        "Controllers/Admin/UsersController.swift",
        "Controllers/Campaigns/CampaignWorkController.swift",
        "Controllers/Campaigns/CampaignsController.swift",
        "Controllers/CaseloadListController.swift",
        "Controllers/Casework/CaseloadController.swift",
        "Controllers/Casework/CaseworkController.swift",
        "Controllers/Casework/DetailsController.swift",
        "Controllers/Casework/EditableRecord.swift",
        "Controllers/Casework/FollowUpController.swift",
        "Controllers/ErrorPageMiddleware.swift",
        "Controllers/Exceptions/ExceptionsController.swift",
        "Controllers/FiguresController.swift",
        "Controllers/Gateway/SMSWebhookController.swift",
        "Controllers/HealthController.swift",
        "Controllers/HomeController.swift",
        "Controllers/Imports/ImportsController.swift",
        "Controllers/Imports/ImportsPage.swift",
        "Controllers/PersonController.swift",
        "Controllers/Queues/QueuesController.swift",
        "Controllers/RecordWork/CaseworkFrame+Load.swift",
        "Controllers/RecordWork/RecordWorkController.swift",
        "Controllers/ReturnsController.swift",
        "Controllers/SelfService/AnswersController.swift",
        "Controllers/SignInController.swift",
        "WebContext.swift",
        "WebServices.swift",
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        let checked = sources.filter { source in !Self.notYetMoved.contains { source.path.hasSuffix("/\(target.name)/" + $0) } }
        // The checked-file marker is the command's output, so the check runs whenever a source changes.
        let marker = context.pluginWorkDirectoryURL.appending(path: "\(target.name)ImportsChecked.swift")
        let arguments = ["--target", target.name, "--output", marker.path]
            + Self.forbidden.flatMap { ["--forbid", $0] }
            + checked.map(\.path)
        return [
            .buildCommand(
                displayName: "Checking that \(target.name) imports no storage module",
                executable: try context.tool(named: "ImportGateTool").url,
                arguments: arguments,
                inputFiles: sources,
                outputFiles: [marker])
        ]
    }
}
