CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "access_log" (
    "Position" INTEGER NOT NULL CONSTRAINT "PK_access_log" PRIMARY KEY,
    "Time" TEXT NOT NULL,
    "InstitutionCode" TEXT NOT NULL,
    "CertificateThumbprint" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "PreviousHash" BLOB NOT NULL,
    "EntryHash" BLOB NOT NULL
);

CREATE TABLE "capacity_changes" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_capacity_changes" PRIMARY KEY AUTOINCREMENT,
    "ProviderCode" TEXT NOT NULL,
    "ServiceType" TEXT NOT NULL,
    "Time" TEXT NOT NULL
);

CREATE TABLE "clients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_clients" PRIMARY KEY,
    "PersonalCodeHash" BLOB NOT NULL,
    "FormerPersonalCodeHash" BLOB NULL,
    "ProtectedIdentity" BLOB NOT NULL,
    "BirthDate" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "CreateTime" TEXT NOT NULL,
    "UpdateTime" TEXT NOT NULL
);

CREATE TABLE "institutions" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_institutions" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "PlanningRegionCode" TEXT NULL,
    "MunicipalityCode" TEXT NULL,
    "ParentCode" TEXT NULL,
    "Address" TEXT NULL,
    "ValidFrom" TEXT NULL,
    "ValidTo" TEXT NULL,
    "SuccessorCode" TEXT NULL,
    "OfficialCode" TEXT NULL,
    "OfferedServices" TEXT NULL,
    CONSTRAINT "FK_institutions_institutions_MunicipalityCode" FOREIGN KEY ("MunicipalityCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_institutions_institutions_ParentCode" FOREIGN KEY ("ParentCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_institutions_institutions_PlanningRegionCode" FOREIGN KEY ("PlanningRegionCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_institutions_institutions_SuccessorCode" FOREIGN KEY ("SuccessorCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "service_types" (
    "Type" TEXT NOT NULL CONSTRAINT "PK_service_types" PRIMARY KEY,
    "DisplayNameLv" TEXT NOT NULL,
    "DisplayNameEn" TEXT NOT NULL,
    "Unit" TEXT NOT NULL
);

CREATE TABLE "client_registrations" (
    "MunicipalityCode" TEXT NOT NULL,
    "RequestId" BLOB NOT NULL,
    "ContentHash" BLOB NOT NULL,
    "ClientId" TEXT NOT NULL,
    "CreateTime" TEXT NOT NULL,
    CONSTRAINT "PK_client_registrations" PRIMARY KEY ("MunicipalityCode", "RequestId"),
    CONSTRAINT "FK_client_registrations_clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "clients" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "capacity_declarations" (
    "ProviderCode" TEXT NOT NULL,
    "ServiceType" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "Places" INTEGER NOT NULL,
    "DeclaredByCode" TEXT NULL,
    "DeclareTime" TEXT NOT NULL,
    CONSTRAINT "PK_capacity_declarations" PRIMARY KEY ("ProviderCode", "ServiceType", "EffectiveFrom"),
    CONSTRAINT "CK_capacity_declarations_places" CHECK (Places >= 0),
    CONSTRAINT "FK_capacity_declarations_institutions_ProviderCode" FOREIGN KEY ("ProviderCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "client_relations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_client_relations" PRIMARY KEY AUTOINCREMENT,
    "ClientId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "InstitutionCode" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    "TransferId" TEXT NULL,
    "SupportPlanId" TEXT NULL,
    CONSTRAINT "FK_client_relations_clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "clients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_client_relations_institutions_InstitutionCode" FOREIGN KEY ("InstitutionCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "esf_projects" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_esf_projects" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "PlanningRegionCode" TEXT NULL,
    "Start" TEXT NOT NULL,
    "End" TEXT NOT NULL,
    CONSTRAINT "FK_esf_projects_institutions_PlanningRegionCode" FOREIGN KEY ("PlanningRegionCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "provider_capacities" (
    "ProviderCode" TEXT NOT NULL,
    "ServiceType" TEXT NOT NULL,
    "Reserved" INTEGER NOT NULL,
    "Occupied" INTEGER NOT NULL,
    CONSTRAINT "PK_provider_capacities" PRIMARY KEY ("ProviderCode", "ServiceType"),
    CONSTRAINT "CK_provider_capacities_counts" CHECK (Reserved >= 0 AND Occupied >= 0),
    CONSTRAINT "FK_provider_capacities_institutions_ProviderCode" FOREIGN KEY ("ProviderCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "service_records" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_service_records" PRIMARY KEY,
    "RequestId" BLOB NOT NULL,
    "ContentHash" BLOB NOT NULL,
    "ClientId" TEXT NOT NULL,
    "ServiceType" TEXT NOT NULL,
    "ProviderCode" TEXT NOT NULL,
    "FirstDay" TEXT NOT NULL,
    "LastDay" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Unit" TEXT NOT NULL,
    "CostCents" INTEGER NOT NULL,
    "FundingSource" TEXT NOT NULL,
    "EsfProjectCode" TEXT NULL,
    "RecordedByCode" TEXT NOT NULL,
    "RecordTime" TEXT NOT NULL,
    "WithdrawTime" TEXT NULL,
    "WithdrawnByCode" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    CONSTRAINT "CK_service_records_amounts" CHECK (Quantity > 0 AND CostCents >= 0),
    CONSTRAINT "FK_service_records_clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "clients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_service_records_institutions_ProviderCode" FOREIGN KEY ("ProviderCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "support_plans" (
    "ClientId" TEXT NOT NULL,
    "PlanId" TEXT NOT NULL,
    "ResponsibleMunicipalityCode" TEXT NOT NULL,
    "AssessmentDate" TEXT NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    "PlannedServices" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdateTime" TEXT NOT NULL,
    CONSTRAINT "PK_support_plans" PRIMARY KEY ("ClientId", "PlanId"),
    CONSTRAINT "FK_support_plans_clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "clients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plans_institutions_ResponsibleMunicipalityCode" FOREIGN KEY ("ResponsibleMunicipalityCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "transfers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_transfers" PRIMARY KEY,
    "CaseNumber" TEXT NOT NULL,
    "SourceCode" TEXT NOT NULL,
    "SourceParentCode" TEXT NULL,
    "SubmitterCode" TEXT NOT NULL,
    "BusinessKey" TEXT NOT NULL,
    "RequestId" BLOB NOT NULL,
    "ContentHash" BLOB NOT NULL,
    "ClientId" TEXT NOT NULL,
    "ProtectedPerson" BLOB NOT NULL,
    "PersonBirthDate" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "DestinationMunicipalityCode" TEXT NOT NULL,
    "DestinationRegionCode" TEXT NULL,
    "RequestedServices" TEXT NOT NULL,
    "DestinationProviderCode" TEXT NULL,
    "PlannedMoveDate" TEXT NOT NULL,
    "SupportPlanReference" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "RejectionReason" TEXT NULL,
    "PlacesProviderCode" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "CreateTime" TEXT NOT NULL,
    "UpdateTime" TEXT NOT NULL,
    CONSTRAINT "FK_transfers_clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "clients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_transfers_institutions_DestinationMunicipalityCode" FOREIGN KEY ("DestinationMunicipalityCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_transfers_institutions_DestinationProviderCode" FOREIGN KEY ("DestinationProviderCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_transfers_institutions_SourceCode" FOREIGN KEY ("SourceCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "service_limits" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_service_limits" PRIMARY KEY,
    "ServiceType" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "MinAgeYears" INTEGER NULL,
    "MaxAgeYears" INTEGER NULL,
    "MaxQuantity" INTEGER NOT NULL,
    "QuantityUnit" TEXT NULL,
    "Period" TEXT NULL,
    "Description" TEXT NOT NULL,
    CONSTRAINT "FK_service_limits_service_types_ServiceType" FOREIGN KEY ("ServiceType") REFERENCES "service_types" ("Type") ON DELETE CASCADE
);

CREATE TABLE "transfer_events" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_transfer_events" PRIMARY KEY AUTOINCREMENT,
    "TransferId" TEXT NOT NULL,
    "FromState" TEXT NULL,
    "ToState" TEXT NOT NULL,
    "ActorCode" TEXT NOT NULL,
    "Time" TEXT NOT NULL,
    "RejectionReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_transfer_events_transfers_TransferId" FOREIGN KEY ("TransferId") REFERENCES "transfers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_access_log_ClientId_Position" ON "access_log" ("ClientId", "Position");

CREATE INDEX "IX_client_registrations_ClientId" ON "client_registrations" ("ClientId");

CREATE INDEX "IX_client_relations_ClientId" ON "client_relations" ("ClientId");

CREATE INDEX "IX_client_relations_InstitutionCode_Kind_ClientId" ON "client_relations" ("InstitutionCode", "Kind", "ClientId");

CREATE UNIQUE INDEX "IX_clients_FormerPersonalCodeHash" ON "clients" ("FormerPersonalCodeHash") WHERE FormerPersonalCodeHash IS NOT NULL;

CREATE UNIQUE INDEX "IX_clients_PersonalCodeHash" ON "clients" ("PersonalCodeHash");

CREATE INDEX "IX_esf_projects_PlanningRegionCode" ON "esf_projects" ("PlanningRegionCode");

CREATE INDEX "IX_institutions_Kind" ON "institutions" ("Kind");

CREATE INDEX "IX_institutions_MunicipalityCode" ON "institutions" ("MunicipalityCode");

CREATE INDEX "IX_institutions_ParentCode" ON "institutions" ("ParentCode");

CREATE INDEX "IX_institutions_PlanningRegionCode" ON "institutions" ("PlanningRegionCode");

CREATE INDEX "IX_institutions_SuccessorCode" ON "institutions" ("SuccessorCode");

CREATE INDEX "IX_service_limits_ServiceType" ON "service_limits" ("ServiceType");

CREATE INDEX "IX_service_records_ClientId_ServiceType_FirstDay" ON "service_records" ("ClientId", "ServiceType", "FirstDay");

CREATE INDEX "IX_service_records_ProviderCode_Id" ON "service_records" ("ProviderCode", "Id");

CREATE UNIQUE INDEX "IX_service_records_RequestId_RecordedByCode" ON "service_records" ("RequestId", "RecordedByCode");

CREATE INDEX "IX_support_plans_ResponsibleMunicipalityCode" ON "support_plans" ("ResponsibleMunicipalityCode");

CREATE INDEX "IX_transfer_events_TransferId_Sequence" ON "transfer_events" ("TransferId", "Sequence");

CREATE UNIQUE INDEX "IX_transfers_BusinessKey" ON "transfers" ("BusinessKey");

CREATE INDEX "IX_transfers_ClientId" ON "transfers" ("ClientId");

CREATE INDEX "IX_transfers_DestinationMunicipalityCode_Id" ON "transfers" ("DestinationMunicipalityCode", "Id");

CREATE INDEX "IX_transfers_DestinationProviderCode" ON "transfers" ("DestinationProviderCode") WHERE DestinationProviderCode IS NOT NULL;

CREATE INDEX "IX_transfers_DestinationRegionCode_Id" ON "transfers" ("DestinationRegionCode", "Id");

CREATE UNIQUE INDEX "IX_transfers_RequestId_SubmitterCode" ON "transfers" ("RequestId", "SubmitterCode");

CREATE INDEX "IX_transfers_SourceCode_Id" ON "transfers" ("SourceCode", "Id");

CREATE INDEX "IX_transfers_SourceParentCode_Id" ON "transfers" ("SourceParentCode", "Id") WHERE SourceParentCode IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204203426_Initial', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
DROP TABLE "esf_projects";

ALTER TABLE "service_records" ADD "ProjectCode" TEXT NOT NULL DEFAULT 'none';

ALTER TABLE "service_records" ADD "RecipientKind" TEXT NOT NULL DEFAULT 'Client';

UPDATE service_records SET ProjectCode = 'esf-zemgale' WHERE EsfProjectCode = '9.2.2.1/15/I/001';

CREATE TABLE "projects" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_projects" PRIMARY KEY,
    "Number" TEXT NULL,
    "Name" TEXT NULL,
    "Definition" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204225336_ProjectsAndRecipients', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_service_records_Funding" ON "service_records" ("ProviderCode", "FirstDay", "FundingSource", "ServiceType", "ProjectCode", "CostCents", "Id", "WithdrawTime") WHERE WithdrawTime IS NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204235443_FundingReportIndex', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "institution_occupancy" (
    "InstitutionCode" TEXT NOT NULL,
    "EffectiveFrom" TEXT NOT NULL,
    "Places" INTEGER NOT NULL,
    "Residents" INTEGER NOT NULL,
    "DeclaredByCode" TEXT NULL,
    "DeclareTime" TEXT NOT NULL,
    CONSTRAINT "PK_institution_occupancy" PRIMARY KEY ("InstitutionCode", "EffectiveFrom"),
    CONSTRAINT "CK_institution_occupancy_counts" CHECK (Places >= 0 AND Residents >= 0),
    CONSTRAINT "FK_institution_occupancy_institutions_InstitutionCode" FOREIGN KEY ("InstitutionCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "needs_assessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_needs_assessments" PRIMARY KEY,
    "ClientId" TEXT NOT NULL,
    "AssessmentDate" TEXT NOT NULL,
    "AssessorCode" TEXT NOT NULL,
    "ProjectCode" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "PlannedServiceTypes" TEXT NOT NULL,
    "ResponsibleMunicipalityCode" TEXT NOT NULL,
    "RecordedByCode" TEXT NOT NULL,
    "RequestId" BLOB NOT NULL,
    "ContentHash" BLOB NOT NULL,
    "CreateTime" TEXT NOT NULL,
    CONSTRAINT "FK_needs_assessments_clients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "clients" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_needs_assessments_institutions_AssessorCode" FOREIGN KEY ("AssessorCode") REFERENCES "institutions" ("Code") ON DELETE RESTRICT
);

CREATE INDEX "IX_needs_assessments_AssessmentDate" ON "needs_assessments" ("AssessmentDate");

CREATE INDEX "IX_needs_assessments_AssessorCode" ON "needs_assessments" ("AssessorCode");

CREATE INDEX "IX_needs_assessments_ClientId_AssessmentDate_Id" ON "needs_assessments" ("ClientId", "AssessmentDate", "Id");

CREATE UNIQUE INDEX "IX_needs_assessments_RecordedByCode_RequestId" ON "needs_assessments" ("RecordedByCode", "RequestId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205000329_MonitoringAssessmentsOccupancy', '10.0.14');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "service_record_day_totals" (
    "ProviderCode" TEXT NOT NULL,
    "FirstDay" TEXT NOT NULL,
    "ServiceType" TEXT NOT NULL,
    "FundingSource" TEXT NOT NULL,
    "ProjectCode" TEXT NOT NULL,
    "Records" INTEGER NOT NULL,
    "CostHigh" INTEGER NOT NULL,
    "CostLow" INTEGER NOT NULL,
    CONSTRAINT "PK_service_record_day_totals" PRIMARY KEY ("ProviderCode", "FirstDay", "ServiceType", "FundingSource", "ProjectCode")
);

DELETE FROM service_record_day_totals;
INSERT INTO service_record_day_totals (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, Records, CostHigh, CostLow)
SELECT ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, COUNT(*), SUM(CostCents / 4294967296), SUM(CostCents % 4294967296)
FROM service_records
WHERE WithdrawTime IS NULL
GROUP BY ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261205013342_ServiceRecordDayTotals', '10.0.14');

COMMIT;

