import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Writes the NCCIS return file. The file is named after the job, so a job
/// claimed again after its worker stopped finds the return it already
/// recorded instead of producing a second one.
struct ReturnJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .nccisReturn(let periodEnd, let force) = try jobs.request(job) else {
            throw JobFailure("A return job was asked for something else.")
        }
        let name = "nccis-\(jobs.laCode.code)-\(periodEnd.iso)-job\(job.id).xml"
        if let recorded = try await ReturnHistoryQuery(store: jobs.store).returns(laCode: jobs.laCode.code, limit: 500)
            .first(where: { $0.generated.fileName == name })
        {
            return try .json(recorded.generated, reference: name)
        }
        try ReturnFiles.prepareDirectory(jobs.returnsDirectory)
        let path = URL(fileURLWithPath: jobs.returnsDirectory).appendingPathComponent(name).path
        do {
            let (_, generated) = try await NCCISExport(builder: jobs.returnBuilder, store: jobs.store).export(
                periodEnd: periodEnd, dateOfSend: CalendarDate.today(from: jobs.now()), to: path,
                by: job.requestedBy.map { .user($0) } ?? .system("jobs"), at: jobs.now(), force: force, progress: progress.reader)
            try await ReturnFilePruner(store: jobs.store, directory: jobs.returnsDirectory, retention: jobs.returnRetention)
                .prune(by: job.requestedBy.map { .user($0) } ?? .system("jobs"), at: jobs.now())
            return try .json(generated, reference: name)
        } catch let refusal as NCCISExport.Refusal {
            throw JobFailure(refusal.description)
        }
    }
}
