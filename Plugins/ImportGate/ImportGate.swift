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

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let sources = target.sourceFiles(withSuffix: "swift").map(\.url)
        // The checked-file marker is the command's output, so the check runs whenever a source changes.
        let marker = context.pluginWorkDirectoryURL.appending(path: "\(target.name)ImportsChecked.swift")
        let arguments = ["--target", target.name, "--output", marker.path]
            + Self.forbidden.flatMap { ["--forbid", $0] }
            + sources.map(\.path)
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
