using KneeSpine.Fhir.Tests.Support;

[assembly: AssemblyFixture(typeof(FhirValidatorFixture))]
