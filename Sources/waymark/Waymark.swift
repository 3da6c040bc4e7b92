import ArgumentParser

/// The one command: serve, migrate, load a demo, manage users, benchmark.
@main
struct Waymark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Waymark – an open-source client caseload information system for English local authorities.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Users.self, Import.self, Export.self, Validate.self, Report.self, Bench.self, Match.self,
            Audit.self, Returns.self, SubjectAccess.self, Retention.self, Instruments.self, Geography.self, Comparators.self, APIClients.self, Transfer.self, KnownElsewhere.self,
        ])
}
