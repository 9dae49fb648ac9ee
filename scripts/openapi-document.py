#!/usr/bin/env python3
"""Writes Sources/RespectServer/Resources/openapi.json, the OpenAPI 3.1 document of `respect serve`.

The routes here must be exactly the server's (RouteTable); RespectServerTests checks both ways,
and checks the answers against the schemas below. Run it after changing a route:
    python3 scripts/openapi-document.py
"""
import json, os

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
def arr(schema): return {"type": "array", "items": schema}
def obj(required, props, extra=True):
    d = {"type": "object", "required": required, "properties": props}
    return d
S = {"type": "string"}; I = {"type": "integer"}; B = {"type": "boolean"}
NS = {"type": ["string", "null"]}; NI = {"type": ["integer", "null"]}
DATE = {"type": "string", "format": "date-time"}; NDATE = {"type": ["string", "null"], "format": "date-time"}

schemas = {
    "Error": obj(["code", "message"], {"code": S, "message": S, "detail": S, "problems": arr(S)}),
    "Health": obj(["status"], {"status": {"type": "string", "enum": ["ok", "unavailable"]}}),
    "User": obj(["id", "email", "role", "disabled", "createdAt"], {"id": I, "email": S, "role": {"enum": ["provider", "assessor", "commissioner", "admin"]}, "organisation": S, "disabled": B, "createdAt": DATE}),
    "Organisation": obj(["registeredNumber", "name", "kind", "createdAt"], {"registeredNumber": S, "name": S, "kind": {"enum": ["provider", "commissioner"]}, "createdAt": DATE}),
    "Token": obj(["id", "userID", "label", "createdAt"], {"id": I, "userID": I, "label": S, "createdAt": DATE, "expiresAt": DATE, "revokedAt": DATE, "token": S}),
    "FrameworkSummary": obj(["reference", "id", "edition", "title", "sections", "indicators"], {"reference": S, "id": S, "edition": S, "revision": I, "title": S, "published": S, "effective": S, "supersedes": S, "supersededBy": S, "sections": I, "indicators": I, "mandatory": I, "safetyCritical": I}),
    "Framework": obj(["summary", "notice", "sections"], {"summary": ref("FrameworkSummary"), "notice": S, "sections": arr(obj(["id", "number", "title", "standards"], {"id": S, "number": S, "title": S, "standards": arr(obj(["id", "number", "title", "indicators"], {"id": S, "number": S, "title": S, "indicators": arr(obj(["id", "number", "text", "level", "safetyCritical"], {"id": S, "number": S, "text": S, "level": {"enum": ["mandatory", "desirable"]}, "safetyCritical": B}))}))}))}),
    "Submission": obj(["id", "organisation", "title", "createdAt", "createdBy", "latestVersion", "submittedVersions"], {"id": I, "organisation": S, "title": S, "createdAt": DATE, "createdBy": I, "latestVersion": I, "submittedVersions": arr(I)}),
    "Version": obj(["submissionID", "number", "sha256", "size", "fileName", "providerName", "framework", "uploadedBy", "uploadedAt", "state"], {"submissionID": I, "number": I, "sha256": S, "size": I, "fileName": S, "providerName": S, "framework": S, "asOf": S, "uploadedBy": I, "uploadedAt": DATE, "state": {"enum": ["draft", "submitted"]}, "submittedAt": DATE, "submittedBy": I}),
    "CreatedSubmission": obj(["submission", "version"], {"submission": ref("Submission"), "version": ref("Version")}),
    "EvidenceFile": obj(["submissionID", "sha256", "size", "fileName", "mediaType", "uploadedBy", "uploadedAt"], {"submissionID": I, "sha256": S, "size": I, "fileName": S, "mediaType": S, "uploadedBy": I, "uploadedAt": DATE}),
    "CheckResult": obj(["outcome", "framework", "asOf", "inputs"], {"outcome": {"type": "object"}, "framework": {"type": "object"}, "asOf": S, "inputs": arr({"type": "object"}), "plan": {"type": "object"}}),
    "Finding": obj(["id", "submissionID", "version", "kind", "targetID", "decision", "reason", "assessorID", "assessorEmail", "date", "recordedAt"], {"id": I, "submissionID": I, "version": I, "kind": {"enum": ["indicator", "evidence"]}, "targetID": S, "decision": {"enum": ["accepted", "rejected", "needs-site-visit"]}, "reason": S, "assessorID": I, "assessorEmail": S, "date": S, "expires": S, "fileSHA256": S, "recordedAt": DATE, "moderation": obj(["moderatorID", "agrees", "note", "at"], {"moderatorID": I, "agrees": B, "note": S, "at": DATE})}),
    "Tender": obj(["id", "organisation", "reference", "title", "deadline", "sha256", "fileName", "createdBy", "createdAt"], {"id": I, "organisation": S, "reference": S, "title": S, "deadline": S, "sha256": S, "fileName": S, "createdBy": I, "createdAt": DATE}),
    "Bid": obj(["id", "tenderID", "organisation", "submissionID", "version", "placedBy", "placedAt"], {"id": I, "tenderID": I, "organisation": S, "submissionID": I, "version": I, "placedBy": I, "placedAt": DATE, "supersededBy": I}),
    "TenderComparison": obj(["bids"], {"bids": arr({"type": "object"})}),
    "Round": obj(["id", "name", "createdBy", "createdAt", "entries"], {"id": I, "name": S, "createdBy": I, "createdAt": DATE, "entries": arr(obj(["submission", "version", "row"], {"submission": I, "version": I, "run": I, "row": {"type": "object"}}))}),
    "RoundSummary": obj(["id", "name", "createdBy", "createdAt", "entries"], {"id": I, "name": S, "createdBy": I, "createdAt": DATE, "entries": arr({"type": "object"})}),
    "OrganisationHistory": obj(["name", "runs"], {"registeredNumber": S, "name": S, "runs": arr(obj(["run", "recordedAt", "assessor", "provider", "framework", "asOf", "verdict"], {"run": I, "recordedAt": S, "assessor": S, "provider": S, "registeredNumber": S, "framework": S, "asOf": S, "verdict": S, "outcome": S}))}),
    "Run": obj(["summary", "result"], {"summary": {"type": "object"}, "result": ref("CheckResult")}),
    "RunDiff": {"type": "object"},
    "AuditEntry": obj(["id", "at", "author", "action", "subject"], {"id": I, "at": DATE, "author": obj(["name"], {"userID": I, "name": S, "address": S}), "action": S, "subject": obj(["kind", "id"], {"kind": S, "id": S}), "organisation": S, "before": S, "after": S}),
    "NewOrganisation": obj(["registeredNumber", "name", "kind"], {"registeredNumber": S, "name": S, "kind": {"enum": ["provider", "commissioner"]}}),
    "NewUser": obj(["email", "role", "password"], {"email": S, "role": {"enum": ["provider", "assessor", "commissioner", "admin"]}, "organisation": S, "password": S}),
    "UserChange": obj([], {"disabled": B, "password": S}),
    "NewFinding": obj(["version", "kind", "targetID", "decision", "reason"], {"version": I, "kind": {"enum": ["indicator", "evidence"]}, "targetID": S, "decision": {"enum": ["accepted", "rejected", "needs-site-visit"]}, "reason": S, "date": S, "expires": S, "fileSHA256": S}),
    "Moderation": obj(["agrees"], {"agrees": B, "note": S}),
    "NewBid": obj(["submission", "version"], {"submission": I, "version": I}),
    "NewRound": obj(["name", "versions"], {"name": S, "versions": arr(obj(["submission", "version"], {"submission": I, "version": I}))}),
    "TokenRequest": obj([], {"label": S}),
}

def json_body(name): return {"required": True, "content": {"application/json": {"schema": ref(name)}}}
XML_BODY = {"required": True, "content": {"application/xml": {"schema": {"type": "string"}}}}
FILE_BODY = {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
def ok(schema, status="200", media="application/json"): return {status: {"description": "OK", "content": {media: {"schema": schema}}}}
ERR = {code: {"description": text, "content": {"application/json": {"schema": ref("Error")}}} for code, text in [
    ("401", "Not signed in"), ("404", "Not there, or not for this user"), ("403", "CSRF token missing")]}
def error(text): return {"description": text, "content": {"application/json": {"schema": ref("Error")}}}
# What any call can meet besides its own answers: a parameter that is not what is expected, the
# database away; and for a call with a body, a body too large, of the wrong type, unreadable or
# unusable, or a change the records refuse.
COMMON = {"400": error("A parameter or the body is not what is expected"), "503": error("The database does not answer")}
BODY = {"413": error("Larger than the limit (refused while reading)")}
JSON_ERRORS = {"415": error("Not a JSON body")}
XML_ERRORS = {"422": error("Not a usable submission or tender file")}
# A large body (XML, evidence file) may also meet a server holding as many uploads as it may.
LARGE_BODY = {"503": {**error("The database does not answer, or (code `busy`) the server is receiving too many large uploads at once and kept nothing of this one"),
                      "headers": {"Retry-After": {"description": "With `busy`: seconds to wait before sending again", "schema": I}}}}
CHANGE = {"409": error("The records refuse the change (a duplicate, or a state that does not allow it)")}
# Examples name records a fresh service has after the README's first steps (the first record of
# each kind; Eastfield's registered number; the installed 2017 edition), so a fuzzer starts from them.
EXAMPLES = {"number": "1190003", "reference": "respect-standard@2017"}
def p(name, kind=I):
    return {"name": name, "in": "path", "required": True, "schema": kind, "example": EXAMPLES.get(name, 1 if kind == I else None)} \
        if EXAMPLES.get(name) is not None or kind == I else {"name": name, "in": "path", "required": True, "schema": kind}
def q(name, kind=S): return {"name": name, "in": "query", "required": False, "schema": kind}

# method, path, operationId, roles (None: anyone), request body, responses, parameters
R = [
 ("get", "/health", "health", None, None, {**ok(ref("Health")), "503": {"description": "The database does not answer", "content": {"application/json": {"schema": ref("Health")}}}}, []),
 ("get", "/openapi.json", "openAPIDocument", None, None, ok({"type": "object"}), []),
 ("post", "/api/v1/tokens", "createToken", "any (HTTP Basic email:password, or signed in)", {"required": False, "content": {"application/json": {"schema": ref("TokenRequest")}}}, {**ok(ref("Token"), "201"), "429": {"description": "Too many failed sign-ins", "content": {"application/json": {"schema": ref("Error")}}}}, []),
 ("delete", "/api/v1/tokens/{id}", "revokeToken", "every role", None, {"204": {"description": "Revoked"}}, [p("id")]),
 ("get", "/api/v1/me", "me", "every role", None, ok(ref("User")), []),
 ("get", "/api/v1/organisations", "listOrganisations", "every role (admin: all; others: their own)", None, ok(arr(ref("Organisation"))), []),
 ("post", "/api/v1/organisations", "addOrganisation", "admin", json_body("NewOrganisation"), ok(ref("Organisation"), "201"), []),
 ("get", "/api/v1/organisations/{number}", "getOrganisation", "admin, or a member", None, ok(ref("Organisation")), [p("number", S)]),
 ("get", "/api/v1/users", "listUsers", "admin", None, ok(arr(ref("User"))), []),
 ("post", "/api/v1/users", "addUser", "admin", json_body("NewUser"), ok(ref("User"), "201"), []),
 ("get", "/api/v1/users/{id}", "getUser", "admin", None, ok(ref("User")), [p("id")]),
 ("patch", "/api/v1/users/{id}", "changeUser", "admin", json_body("UserChange"), ok(ref("User")), [p("id")]),
 ("get", "/api/v1/frameworks", "listFrameworks", "every role", None, ok(arr(ref("FrameworkSummary"))), []),
 ("get", "/api/v1/frameworks/{reference}", "getFramework", "every role", None, ok(ref("Framework")), [p("reference", S)]),
 ("get", "/api/v1/submissions", "listSubmissions", "provider (its organisation's), assessor (submitted)", None, ok(arr(ref("Submission"))), []),
 ("post", "/api/v1/submissions", "createSubmission", "provider", XML_BODY, ok(ref("CreatedSubmission"), "201"), [q("title"), q("name")]),
 ("get", "/api/v1/submissions/{id}", "getSubmission", "provider (own), assessor (submitted)", None, ok(ref("Submission")), [p("id")]),
 ("get", "/api/v1/submissions/{id}/versions", "listVersions", "provider (own), assessor (submitted versions)", None, ok(arr(ref("Version"))), [p("id")]),
 ("post", "/api/v1/submissions/{id}/versions", "addVersion", "provider (own)", XML_BODY, ok(ref("Version"), "201"), [p("id"), q("name")]),
 ("get", "/api/v1/submissions/{id}/versions/{number}", "getVersion", "provider (own), assessor (submitted)", None, ok(ref("Version")), [p("id"), p("number")]),
 ("get", "/api/v1/submissions/{id}/versions/{number}/file", "getVersionFile", "provider (own), assessor (submitted)", None, ok({"type": "string"}, media="application/xml"), [p("id"), p("number")]),
 ("get", "/api/v1/submissions/{id}/versions/{number}/result", "getVersionResult", "provider (own), assessor (submitted)", None, ok(ref("CheckResult")), [p("id"), p("number"), q("asOf")]),
 ("get", "/api/v1/submissions/{id}/versions/{number}/report.html", "getVersionReport", "provider (own), assessor (submitted)", None, ok({"type": "string"}, media="text/html"), [p("id"), p("number"), q("asOf")]),
 ("post", "/api/v1/submissions/{id}/versions/{number}/submit", "submitVersion", "provider (own)", None, {**ok(ref("Version")), "409": {"description": "Submitted already", "content": {"application/json": {"schema": ref("Error")}}}}, [p("id"), p("number")]),
 ("post", "/api/v1/submissions/{id}/files", "uploadEvidenceFile", "provider (own)", FILE_BODY, {**ok(ref("EvidenceFile"), "201"), "413": {"description": "Larger than the limit (refused while reading)", "content": {"application/json": {"schema": ref("Error")}}}}, [p("id"), q("name")]),
 ("get", "/api/v1/submissions/{id}/files", "listEvidenceFiles", "provider (own), assessor (submitted)", None, ok(arr(ref("EvidenceFile"))), [p("id")]),
 ("get", "/api/v1/submissions/{id}/files/{sha256}", "getEvidenceFile", "provider (own), assessor (submitted)", None, ok({"type": "string", "format": "binary"}, media="application/octet-stream"), [p("id"), p("sha256", S)]),
 ("post", "/api/v1/check", "check", "every role", XML_BODY, {**ok(ref("CheckResult")), "422": {"description": "Not a usable submission", "content": {"application/json": {"schema": ref("Error")}}}}, [q("name"), q("asOf")]),
 ("get", "/api/v1/checks/{id}/report.html", "getCheckReport", "the user who made the check", None, ok({"type": "string"}, media="text/html"), [p("id")]),
 ("get", "/api/v1/submissions/{id}/findings", "listFindings", "provider (own), assessor (submitted)", None, ok(arr(ref("Finding"))), [p("id")]),
 ("post", "/api/v1/submissions/{id}/findings", "recordFinding", "assessor", json_body("NewFinding"), ok(ref("Finding"), "201"), [p("id")]),
 ("post", "/api/v1/findings/{id}/moderation", "moderateFinding", "assessor (not the finding's own)", json_body("Moderation"), ok(ref("Finding")), [p("id")]),
 ("get", "/api/v1/tenders", "listTenders", "commissioner (own), provider (all, to bid)", None, ok(arr(ref("Tender"))), []),
 ("post", "/api/v1/tenders", "addTender", "commissioner", XML_BODY, ok(ref("Tender"), "201"), [q("name")]),
 ("get", "/api/v1/tenders/{id}", "getTender", "commissioner (own), provider", None, ok(ref("Tender")), [p("id")]),
 ("get", "/api/v1/tenders/{id}/bids", "listBids", "commissioner (own tender: all), provider (its own bids)", None, ok(arr(ref("Bid"))), [p("id")]),
 ("post", "/api/v1/tenders/{id}/bids", "placeBid", "provider (a submitted version of its own)", json_body("NewBid"), ok(ref("Bid"), "201"), [p("id")]),
 ("get", "/api/v1/tenders/{id}/comparison", "compareBids", "commissioner (own tender)", None, {"200": {"description": "OK", "content": {"application/json": {"schema": ref("TenderComparison")}, "text/csv": {"schema": S}, "text/html": {"schema": S}}}}, [p("id"), q("format", {"enum": ["json", "csv", "html"]})]),
 ("get", "/api/v1/rounds", "listRounds", "assessor", None, ok(arr(ref("RoundSummary"))), []),
 ("post", "/api/v1/rounds", "scoreRound", "assessor", json_body("NewRound"), ok(ref("Round"), "201"), []),
 ("get", "/api/v1/rounds/{id}", "getRound", "assessor", None, ok(ref("Round")), [p("id")]),
 ("get", "/api/v1/runs", "listRuns", "assessor", None, ok(arr(ref("OrganisationHistory"))), [dict(q("organisation"), required=True)]),
 ("get", "/api/v1/runs/{id}", "getRun", "assessor", None, ok(ref("Run")), [p("id")]),
 ("get", "/api/v1/runs/{id}/diff/{other}", "diffRuns", "assessor", None, ok(ref("RunDiff")), [p("id"), p("other")]),
 ("get", "/api/v1/audit", "listAuditEntries", "admin, assessor", None, ok(arr(ref("AuditEntry"))), [q("before", I), q("limit", I), q("organisation"), q("kind")]),
]

paths = {}
for method, path, op, roles, body, responses, params in R:
    entry = {"operationId": op, "summary": op, "responses": {**responses}}
    if roles is None:
        entry["security"] = []
    else:
        entry["description"] = f"Who may call it: {roles}. Anyone else gets 404."
        entry["responses"].update(ERR)
    if params: entry["parameters"] = params
    if body: entry["requestBody"] = body
    extra = dict(COMMON)
    if body:
        extra.update(BODY)
        extra.update(JSON_ERRORS if "application/json" in body["content"] else {})
        extra.update(XML_ERRORS if "application/xml" in body["content"] else {})
        extra.update(LARGE_BODY if {"application/xml", "application/octet-stream"} & set(body["content"]) else {})
    if method != "get":
        extra.update(CHANGE)
    if path in ("/health", "/openapi.json"):
        extra = {}
    for code, response in extra.items():
        entry["responses"].setdefault(code, response)
    paths.setdefault(path, {})[method] = entry

document = {
    "openapi": "3.1.0",
    "info": {"title": "Respect Standard self-assessment engine", "version": "1.0.0",
             "description": "The JSON API of `respect serve`. Sign in with a bearer token (`respect tokens create EMAIL`, or POST /api/v1/tokens with HTTP Basic email:password), or a browser session cookie; a cookie-authenticated call that changes state must send the session's CSRF token in X-CSRF-Token. Errors are JSON with a stable `code` and a `message`. A record the caller may not see answers 404."},
    "servers": [{"url": "http://127.0.0.1:8080"}],
    "security": [{"bearer": []}, {"session": []}],
    "paths": paths,
    "components": {"schemas": schemas, "securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer"},
        "basic": {"type": "http", "scheme": "basic"},
        "session": {"type": "apiKey", "in": "cookie", "name": "respect_session"}}},
}
out = os.path.join(os.path.dirname(__file__), "..", "Sources", "RespectServer", "Resources", "openapi.json")
with open(out, "w") as f:
    json.dump(document, f, indent=2, sort_keys=True)
    f.write("\n")
