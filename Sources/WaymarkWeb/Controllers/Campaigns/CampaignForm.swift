import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "Start a campaign": who (the saved queue filter), how, and what to say.
struct CampaignForm: Decodable, Sendable {
    var name: String?
    var channel: String?
    var audience: String?
    var subject: String?
    var body: String?
    var once: String?

    /// What an officer starts from for each channel; every text names the link.
    static func suggestedBody(_ channel: ContactChannel) -> String {
        switch channel {
        case .sms:
            "Hi {{given_name}}, this is the {{la_name}} careers team. We'd like to know what you are doing now so we can help if you need it. It takes a minute: {{link}}"
        case .email:
            "Hello {{given_name}},\n\nWe are the careers and support team at {{la_name}}. We help young people aged 16 to 18 with courses, apprenticeships and jobs.\n\nPlease tell us what you are doing now. It takes about a minute:\n{{link}}\n\nIf you would like help, say so on the page and an adviser will get in touch.\n\n{{la_name}} careers team"
        case .letter:
            "Dear {{given_name}},\n\nWe are the careers and support team at {{la_name}}. We help young people aged 16 to 18 with courses, apprenticeships and jobs, and we would like to know what you are doing now.\n\nPlease tell us online: it takes about a minute. Scan the QR code below with your phone's camera, or go to this address:\n{{link}}\n\nIf you would like help, say so and an adviser will get in touch.\n\nYours sincerely,\n{{la_name}} careers team"
        case .phone:
            "Introduce yourself from {{la_name}} careers team. Ask what {{given_name}} is doing now, where and since when; offer help; ask how they would like to be contacted."
        case .visit:
            "Introduce yourself from {{la_name}} careers team and show your badge. Ask for {{given_name}}; if they are out, leave the calling card. Never leave details with anyone but the young person or their parent or carer."
        }
    }

    static let suggestedSubject = "{{given_name}}, what are you doing now? Tell us in a minute"

    func validated() -> (NewCampaign?, FormProblems) {
        var problems = FormProblems()
        let name = problems.text(name, field: "name", label: "a name for the campaign", required: true, maxLength: CampaignLimits.maxNameLength)
        let chosen = channel.flatMap(ContactChannel.init(rawValue:))
        if chosen == nil { problems.add("name", "Choose how to contact them") }
        var audience: CampaignAudience?
        do throws(CampaignAudienceError) {
            audience = try CampaignAudience(queryString: self.audience ?? "")
        } catch {
            problems.add("name", "The list of young people could not be read (\(error.description)); start again from a tracking queue")
        }
        var subject: String?
        if chosen == .email {
            subject = problems.text(self.subject, field: "subject", label: "the subject", required: true, maxLength: CampaignLimits.maxSubjectLength)
            if let subject { Self.checkTemplate(subject, field: "subject", into: &problems) }
        }
        let body = problems.text(
            self.body, field: "body", label: chosen == .phone || chosen == .visit ? "the script" : "the message", required: true,
            maxLength: chosen.map(CampaignLimits.maxBodyLength) ?? 4_000)
        if let body { Self.checkTemplate(body, field: "body", into: &problems) }
        guard problems.isEmpty, let name, let chosen, let audience, let body else { return (nil, problems) }
        return (NewCampaign(name: name, channel: chosen, audience: audience.queryString, subject: subject, body: body), problems)
    }

    static func checkTemplate(_ text: String, field: String, into problems: inout FormProblems) {
        do throws(CampaignTemplateError) {
            _ = try CampaignTemplate(text).fieldNames()
        } catch {
            problems.add(field, "Check the merge fields: \(error.description)")
        }
    }
}
