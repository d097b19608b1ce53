// The framework's namespaces, one per stage of the flow (catalogue -> cases -> requests -> checks -> verdicts -> reports).
global using Conformance.Framework.Cases;
global using Conformance.Framework.Catalogue;
global using Conformance.Framework.Checks;
global using Conformance.Framework.Cleanup;
global using Conformance.Framework.Configuration;
global using Conformance.Framework.Exposure;
global using Conformance.Framework.Hostile;
global using Conformance.Framework.Redaction;
global using Conformance.Framework.Reports;
global using Conformance.Framework.Reports.Statement;
global using Conformance.Framework.Requests;
global using Conformance.Framework.Schemas;
global using Conformance.Framework.Targets;
global using Conformance.Framework.Verdicts;
global using Conformance.Framework.Workflows;
