// Every namespace of the reference server, so files carry no using Conformance.ReferenceServer.*.
global using Conformance.ReferenceServer.Dashboard.Endpoints;
global using Conformance.ReferenceServer.Dashboard.Http;
global using Conformance.ReferenceServer.Dashboard.Routing;
global using Conformance.ReferenceServer.Dashboard.State;
global using Conformance.ReferenceServer.Dashboard.Validation;
global using Conformance.ReferenceServer.Dashboard;
global using Conformance.ReferenceServer.Hosting;
global using Conformance.ReferenceServer.Http;
global using Conformance.ReferenceServer.Python;
global using Conformance.ReferenceServer.Storage.Http;
global using Conformance.ReferenceServer.Storage.Model;
global using Conformance.ReferenceServer.Storage.Resources;
global using Conformance.ReferenceServer.Storage.Routes;
global using Conformance.ReferenceServer.Storage.Seed;
global using Conformance.ReferenceServer.Storage.Sword;
global using Conformance.ReferenceServer.Storage.Tastypie;
global using Conformance.ReferenceServer.Storage;
