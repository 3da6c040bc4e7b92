import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkMatching
import WaymarkRecords
import WaymarkStore

/// The match exception queue: suspected duplicates side by side with each
/// field's weight, merged in one click (keeping either record) or marked not
/// the same person; and every merge can be undone.
struct ExceptionsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("exceptions", use: list)
            .post("exceptions/scan", use: scan)
            .get("exceptions/:exception", use: show)
            .post("exceptions/:exception/merge", use: merge)
            .post("exceptions/:exception/reject", use: reject)
            .post("exceptions/:exception/link", use: link)
            .post("exceptions/:exception/create", use: create)
            .get("merges/:merge", use: showMerge)
            .post("merges/:merge/undo", use: undo)
    }

    struct MergeForm: Decodable {
        var keep: String?
    }

    struct LinkForm: Decodable {
        var person: String?
    }

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let exceptions = try await MatchExceptionQueries(store: services.store).open()
        // One read for everyone named, limited to the scope: a pair with someone out of scope is not shown.
        let ids = Set(exceptions.flatMap { [$0.personID, $0.otherPersonID].compactMap { $0 } })
        var names: [Int64: String] = [:]
        for person in try await ImportCandidatesQuery(store: services.store, scope: scope).records(ids) {
            if let id = Int64(person.recordID) { names[id] = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ") }
        }
        let scan = try await services.jobs.state(of: .duplicateScan(scope: scope))
        return try templates.render(ExceptionsPage(
            frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), exceptions: exceptions, names: names,
            scan: JobPanel(scan, work: "scanning the records for duplicates", result: "Scan", refreshURL: "/exceptions"),
            scanned: try scan.lastDone?.decodedResult(as: DuplicateScanSummary.self)))
    }

    /// Queues a scan (or joins the one under way); the list follows its progress.
    func scan(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let job = try await services.jobs.request(.duplicateScan(scope: scope), by: user.id, at: services.now())
        context.logger.info("duplicate scan requested", metadata: ["job": "\(job.id)"])
        return .redirect(to: "/exceptions", type: .normal)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let any = try await loadAny(context)
        if any.kind == .importRow {
            var candidate: ExceptionPage.Side?
            if let personID = any.personID { candidate = try await side(personID, scope: scope) }
            return try templates.render(ImportExceptionPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), exception: any,
                                                            candidate: candidate))
        }
        let (exception, left, right) = try await load(context, scope: scope)
        return try templates.render(ExceptionPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), exception: exception,
                                                  left: left, right: right))
    }

    func merge(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let (exception, left, right) = try await load(context, scope: scope)
        let form = try await request.decodeForm(as: MergeForm.self, context: context)
        guard exception.status == .open else { throw HTTPError(.conflict, message: "This exception has already been decided.") }
        guard let keep = form.keep.flatMap({ Int64($0) }), keep == left.id || keep == right.id else {
            throw HTTPError(.unprocessableContent, message: "keep: choose which of the two records to keep.")
        }
        let merged = keep == left.id ? right.id : left.id
        let mergeID = try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            let mergeID = try await tx.mergePeople(kept: keep, merged: merged)
            guard try await tx.resolveException(exception.id, as: .merged, resolution: "merge \(mergeID)", by: user.id) else {
                throw HTTPError(.conflict, message: "This exception has already been decided.")
            }
            return mergeID
        }
        context.logger.info("people merged", metadata: ["merge": "\(mergeID)", "kept": "\(keep)", "merged": "\(merged)"])
        return .redirect(to: "/merges/\(mergeID)", type: .normal)
    }

    func reject(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.resolveMatches)
        let exception = try await loadAny(context)
        _ = try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            try await tx.resolveException(exception.id, as: .rejected, resolution: "not the same person", by: user.id)
        }
        return .redirect(to: "/exceptions", type: .normal)
    }

    func link(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let exception = try await loadAny(context)
        let form = try await request.decodeForm(as: LinkForm.self, context: context)
        guard exception.kind == .importRow else { throw HTTPError(.notFound, message: "Only an incoming row can be linked.") }
        guard let personID = form.person.flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }),
            try await CaseloadLookup(store: services.store).placement(of: personID, in: scope) != nil
        else { throw HTTPError(.unprocessableContent, message: "person: enter the record number of a young person you can see.") }
        let result = try await ImportExceptionDesk(store: services.store, laCode: services.laCode).link(exception, to: personID, by: user.id, now: services.now())
        return try resolved(result, exception: exception, context: context)
    }

    func create(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.resolveMatches)
        let exception = try await loadAny(context)
        guard exception.kind == .importRow else { throw HTTPError(.notFound, message: "Only an incoming row can make a new record.") }
        let result = try await ImportExceptionDesk(store: services.store, laCode: services.laCode).create(exception, by: user.id, now: services.now())
        return try resolved(result, exception: exception, context: context)
    }

    private func resolved(_ result: ImportResolution, exception: StoredMatchException, context: WebContext) throws -> Response {
        switch result {
        case .linked(let personID, _), .created(let personID):
            context.logger.info("import exception resolved", metadata: ["exception": "\(exception.id)", "person": "\(personID)"])
            return .redirect(to: "/people/\(personID)", type: .normal)
        case .alreadyDecided:
            throw HTTPError(.conflict, message: "This exception has already been decided.")
        case .unreadable(let why):
            throw HTTPError(.unprocessableContent, message: "This row cannot be used: \(why).")
        }
    }

    private func loadAny(_ context: WebContext) async throws -> StoredMatchException {
        guard let id = context.parameters.get("exception", as: Int64.self), let exception = try await MatchExceptionQueries(store: services.store).exception(id)
        else { throw HTTPError(.notFound, message: "There is no exception with that id.") }
        return exception
    }

    func showMerge(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let merge = try await loadMerge(context)
        guard try await CaseloadLookup(store: services.store).placement(of: merge.undoneAt == nil ? merge.keptPersonID : merge.mergedPersonID, in: scope) != nil
        else { throw HTTPError(.notFound, message: "There is no merge with that id in the records you can see.") }
        let people = PersonQueries(store: services.store, registry: services.registry)
        func name(_ id: Int64) async throws -> String {
            try await people.person(id).map { "\($0.person.identity.givenName) \($0.person.identity.familyName)" } ?? "young person \(id)"
        }
        let undone = request.uri.queryParameters.get("undone") != nil
        return try templates.render(MergePage(
            frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), merge: merge, keptName: try await name(merge.keptPersonID),
            mergedName: try await name(merge.mergedPersonID), justUndone: undone))
    }

    func undo(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.resolveMatches)
        let merge = try await loadMerge(context)
        guard try await CaseloadLookup(store: services.store).placement(of: merge.keptPersonID, in: scope) != nil else {
            throw HTTPError(.notFound, message: "There is no merge with that id in the records you can see.")
        }
        do {
            _ = try await services.store.change(by: .user(user.id), at: services.now()) { tx in try await tx.undoMerge(merge.id, by: user.id) }
        } catch let error as MergeError {
            throw HTTPError(.conflict, message: error.description)
        }
        context.logger.info("merge undone", metadata: ["merge": "\(merge.id)"])
        return .redirect(to: "/merges/\(merge.id)?undone=1", type: .normal)
    }

    private func load(_ context: WebContext, scope: RecordScope) async throws -> (StoredMatchException, ExceptionPage.Side, ExceptionPage.Side) {
        guard let id = context.parameters.get("exception", as: Int64.self),
            let exception = try await MatchExceptionQueries(store: services.store).exception(id), exception.kind == .duplicate,
            let leftID = exception.personID, let rightID = exception.otherPersonID,
            let left = try await side(leftID, scope: scope), let right = try await side(rightID, scope: scope)
        else { throw HTTPError(.notFound, message: "There is no open exception with that id in the records you can see.") }
        return (exception, left, right)
    }

    private func side(_ id: Int64, scope: RecordScope) async throws -> ExceptionPage.Side? {
        guard let person = try await PersonBundleReader(store: services.store, registry: services.registry).person(id, responsibleLA: scope.laCode),
            try await CaseloadLookup(store: services.store).placement(of: id, in: scope) != nil
        else { return nil }
        return ExceptionPage.Side(person, today: CalendarDate.today(from: services.now()))
    }

    private func loadMerge(_ context: WebContext) async throws -> StoredMerge {
        guard let id = context.parameters.get("merge", as: Int64.self), let merge = try await MergeQueries(store: services.store).merge(id) else {
            throw HTTPError(.notFound, message: "There is no merge with that id in the records you can see.")
        }
        return merge
    }
}
