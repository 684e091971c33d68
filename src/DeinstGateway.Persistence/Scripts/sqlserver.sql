IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [access_log] (
        [Position] bigint NOT NULL,
        [Time] datetime2 NOT NULL,
        [InstitutionCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [CertificateThumbprint] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Method] nvarchar(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Purpose] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Outcome] nvarchar(16) NOT NULL,
        [PreviousHash] varbinary(32) NOT NULL,
        [EntryHash] varbinary(32) NOT NULL,
        CONSTRAINT [PK_access_log] PRIMARY KEY ([Position])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [capacity_changes] (
        [Sequence] bigint NOT NULL IDENTITY,
        [ProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ServiceType] nvarchar(40) NOT NULL,
        [Time] datetime2 NOT NULL,
        CONSTRAINT [PK_capacity_changes] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [clients] (
        [Id] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [PersonalCodeHash] varbinary(32) NOT NULL,
        [FormerPersonalCodeHash] varbinary(32) NULL,
        [ProtectedIdentity] varbinary(1024) NOT NULL,
        [BirthDate] date NOT NULL,
        [TargetGroup] nvarchar(48) NOT NULL,
        [CreateTime] datetime2 NOT NULL,
        [UpdateTime] datetime2 NOT NULL,
        CONSTRAINT [PK_clients] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [institutions] (
        [Code] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [DisplayName] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [PlanningRegionCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [MunicipalityCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [ParentCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [Address] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [ValidFrom] date NULL,
        [ValidTo] date NULL,
        [SuccessorCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [OfficialCode] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [OfferedServices] nvarchar(600) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [PK_institutions] PRIMARY KEY ([Code]),
        CONSTRAINT [FK_institutions_institutions_MunicipalityCode] FOREIGN KEY ([MunicipalityCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_institutions_institutions_ParentCode] FOREIGN KEY ([ParentCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_institutions_institutions_PlanningRegionCode] FOREIGN KEY ([PlanningRegionCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_institutions_institutions_SuccessorCode] FOREIGN KEY ([SuccessorCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [service_types] (
        [Type] nvarchar(40) NOT NULL,
        [DisplayNameLv] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [DisplayNameEn] nvarchar(300) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Unit] nvarchar(16) NOT NULL,
        CONSTRAINT [PK_service_types] PRIMARY KEY ([Type])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [client_registrations] (
        [MunicipalityCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [RequestId] varbinary(16) NOT NULL,
        [ContentHash] varbinary(32) NOT NULL,
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [CreateTime] datetime2 NOT NULL,
        CONSTRAINT [PK_client_registrations] PRIMARY KEY ([MunicipalityCode], [RequestId]),
        CONSTRAINT [FK_client_registrations_clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [clients] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [capacity_declarations] (
        [ProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ServiceType] nvarchar(40) NOT NULL,
        [EffectiveFrom] date NOT NULL,
        [Places] int NOT NULL,
        [DeclaredByCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [DeclareTime] datetime2 NOT NULL,
        CONSTRAINT [PK_capacity_declarations] PRIMARY KEY ([ProviderCode], [ServiceType], [EffectiveFrom]),
        CONSTRAINT [CK_capacity_declarations_places] CHECK (Places >= 0),
        CONSTRAINT [FK_capacity_declarations_institutions_ProviderCode] FOREIGN KEY ([ProviderCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [client_relations] (
        [Id] bigint NOT NULL IDENTITY,
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Kind] nvarchar(16) NOT NULL,
        [InstitutionCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ValidFrom] date NOT NULL,
        [ValidTo] date NULL,
        [TransferId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NULL,
        [SupportPlanId] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        CONSTRAINT [PK_client_relations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_client_relations_clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_client_relations_institutions_InstitutionCode] FOREIGN KEY ([InstitutionCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [esf_projects] (
        [Code] nvarchar(32) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [PlanningRegionCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [Start] date NOT NULL,
        [End] date NOT NULL,
        CONSTRAINT [PK_esf_projects] PRIMARY KEY ([Code]),
        CONSTRAINT [FK_esf_projects_institutions_PlanningRegionCode] FOREIGN KEY ([PlanningRegionCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [provider_capacities] (
        [ProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ServiceType] nvarchar(40) NOT NULL,
        [Reserved] int NOT NULL,
        [Occupied] int NOT NULL,
        CONSTRAINT [PK_provider_capacities] PRIMARY KEY ([ProviderCode], [ServiceType]),
        CONSTRAINT [CK_provider_capacities_counts] CHECK (Reserved >= 0 AND Occupied >= 0),
        CONSTRAINT [FK_provider_capacities_institutions_ProviderCode] FOREIGN KEY ([ProviderCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [service_records] (
        [Id] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [RequestId] varbinary(16) NOT NULL,
        [ContentHash] varbinary(32) NOT NULL,
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ServiceType] nvarchar(40) NOT NULL,
        [ProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [FirstDay] date NOT NULL,
        [LastDay] date NOT NULL,
        [Quantity] bigint NOT NULL,
        [Unit] nvarchar(16) NOT NULL,
        [CostCents] bigint NOT NULL,
        [FundingSource] nvarchar(24) NOT NULL,
        [EsfProjectCode] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [RecordedByCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [RecordTime] datetime2 NOT NULL,
        [WithdrawTime] datetime2 NULL,
        [WithdrawnByCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [WithdrawalReason] nvarchar(24) NULL,
        CONSTRAINT [PK_service_records] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_service_records_amounts] CHECK (Quantity > 0 AND CostCents >= 0),
        CONSTRAINT [FK_service_records_clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_service_records_institutions_ProviderCode] FOREIGN KEY ([ProviderCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [support_plans] (
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [PlanId] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ResponsibleMunicipalityCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [AssessmentDate] date NOT NULL,
        [ValidFrom] date NOT NULL,
        [ValidTo] date NULL,
        [PlannedServices] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Version] int NOT NULL,
        [UpdateTime] datetime2 NOT NULL,
        CONSTRAINT [PK_support_plans] PRIMARY KEY ([ClientId], [PlanId]),
        CONSTRAINT [FK_support_plans_clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_support_plans_institutions_ResponsibleMunicipalityCode] FOREIGN KEY ([ResponsibleMunicipalityCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [transfers] (
        [Id] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [CaseNumber] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [SourceCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [SourceParentCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [SubmitterCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [BusinessKey] nvarchar(129) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [RequestId] varbinary(16) NOT NULL,
        [ContentHash] varbinary(32) NOT NULL,
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ProtectedPerson] varbinary(1024) NOT NULL,
        [PersonBirthDate] date NOT NULL,
        [TargetGroup] nvarchar(48) NOT NULL,
        [DestinationMunicipalityCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [DestinationRegionCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [RequestedServices] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [DestinationProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [PlannedMoveDate] date NOT NULL,
        [SupportPlanReference] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [State] nvarchar(16) NOT NULL,
        [RejectionReason] nvarchar(32) NULL,
        [PlacesProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [Version] int NOT NULL,
        [CreateTime] datetime2 NOT NULL,
        [UpdateTime] datetime2 NOT NULL,
        CONSTRAINT [PK_transfers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_transfers_clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_transfers_institutions_DestinationMunicipalityCode] FOREIGN KEY ([DestinationMunicipalityCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_transfers_institutions_DestinationProviderCode] FOREIGN KEY ([DestinationProviderCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_transfers_institutions_SourceCode] FOREIGN KEY ([SourceCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [service_limits] (
        [Code] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ServiceType] nvarchar(40) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [MinAgeYears] int NULL,
        [MaxAgeYears] int NULL,
        [MaxQuantity] int NOT NULL,
        [QuantityUnit] nvarchar(16) NULL,
        [Period] nvarchar(16) NULL,
        [Description] nvarchar(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
        CONSTRAINT [PK_service_limits] PRIMARY KEY ([Code]),
        CONSTRAINT [FK_service_limits_service_types_ServiceType] FOREIGN KEY ([ServiceType]) REFERENCES [service_types] ([Type]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE TABLE [transfer_events] (
        [Sequence] bigint NOT NULL IDENTITY,
        [TransferId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [FromState] nvarchar(16) NULL,
        [ToState] nvarchar(16) NOT NULL,
        [ActorCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Time] datetime2 NOT NULL,
        [RejectionReason] nvarchar(32) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_transfer_events] PRIMARY KEY ([Sequence]),
        CONSTRAINT [FK_transfer_events_transfers_TransferId] FOREIGN KEY ([TransferId]) REFERENCES [transfers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_access_log_ClientId_Position] ON [access_log] ([ClientId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_client_registrations_ClientId] ON [client_registrations] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_client_relations_ClientId] ON [client_relations] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_client_relations_InstitutionCode_Kind_ClientId] ON [client_relations] ([InstitutionCode], [Kind], [ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_clients_FormerPersonalCodeHash] ON [clients] ([FormerPersonalCodeHash]) WHERE FormerPersonalCodeHash IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_clients_PersonalCodeHash] ON [clients] ([PersonalCodeHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_esf_projects_PlanningRegionCode] ON [esf_projects] ([PlanningRegionCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_institutions_Kind] ON [institutions] ([Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_institutions_MunicipalityCode] ON [institutions] ([MunicipalityCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_institutions_ParentCode] ON [institutions] ([ParentCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_institutions_PlanningRegionCode] ON [institutions] ([PlanningRegionCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_institutions_SuccessorCode] ON [institutions] ([SuccessorCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_service_limits_ServiceType] ON [service_limits] ([ServiceType]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_service_records_ClientId_ServiceType_FirstDay] ON [service_records] ([ClientId], [ServiceType], [FirstDay]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_service_records_ProviderCode_Id] ON [service_records] ([ProviderCode], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_service_records_RequestId_RecordedByCode] ON [service_records] ([RequestId], [RecordedByCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_support_plans_ResponsibleMunicipalityCode] ON [support_plans] ([ResponsibleMunicipalityCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_transfer_events_TransferId_Sequence] ON [transfer_events] ([TransferId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_transfers_BusinessKey] ON [transfers] ([BusinessKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_transfers_ClientId] ON [transfers] ([ClientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_transfers_DestinationMunicipalityCode_Id] ON [transfers] ([DestinationMunicipalityCode], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_transfers_DestinationProviderCode] ON [transfers] ([DestinationProviderCode]) WHERE DestinationProviderCode IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_transfers_DestinationRegionCode_Id] ON [transfers] ([DestinationRegionCode], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_transfers_RequestId_SubmitterCode] ON [transfers] ([RequestId], [SubmitterCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    CREATE INDEX [IX_transfers_SourceCode_Id] ON [transfers] ([SourceCode], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_transfers_SourceParentCode_Id] ON [transfers] ([SourceParentCode], [Id]) WHERE SourceParentCode IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204203507_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204203507_Initial', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204225409_ProjectsAndRecipients'
)
BEGIN
    DROP TABLE [esf_projects];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204225409_ProjectsAndRecipients'
)
BEGIN
    ALTER TABLE [service_records] ADD [ProjectCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL DEFAULT N'none';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204225409_ProjectsAndRecipients'
)
BEGIN
    ALTER TABLE [service_records] ADD [RecipientKind] nvarchar(24) NOT NULL DEFAULT N'Client';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204225409_ProjectsAndRecipients'
)
BEGIN
    UPDATE [service_records] SET [ProjectCode] = 'esf-zemgale' WHERE [EsfProjectCode] = '9.2.2.1/15/I/001';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204225409_ProjectsAndRecipients'
)
BEGIN
    CREATE TABLE [projects] (
        [Code] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Number] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [Name] nvarchar(200) COLLATE Latin1_General_100_BIN2 NULL,
        [Definition] nvarchar(max) COLLATE Latin1_General_100_BIN2 NOT NULL,
        CONSTRAINT [PK_projects] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204225409_ProjectsAndRecipients'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204225409_ProjectsAndRecipients', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204235454_FundingReportIndex'
)
BEGIN
    EXEC(N'CREATE INDEX [IX_service_records_Funding] ON [service_records] ([ProviderCode], [FirstDay], [FundingSource], [ServiceType], [ProjectCode], [CostCents], [Id], [WithdrawTime]) WHERE WithdrawTime IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204235454_FundingReportIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204235454_FundingReportIndex', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    CREATE TABLE [institution_occupancy] (
        [InstitutionCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [EffectiveFrom] date NOT NULL,
        [Places] int NOT NULL,
        [Residents] int NOT NULL,
        [DeclaredByCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NULL,
        [DeclareTime] datetime2 NOT NULL,
        CONSTRAINT [PK_institution_occupancy] PRIMARY KEY ([InstitutionCode], [EffectiveFrom]),
        CONSTRAINT [CK_institution_occupancy_counts] CHECK (Places >= 0 AND Residents >= 0),
        CONSTRAINT [FK_institution_occupancy_institutions_InstitutionCode] FOREIGN KEY ([InstitutionCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    CREATE TABLE [needs_assessments] (
        [Id] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ClientId] nvarchar(36) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [AssessmentDate] date NOT NULL,
        [AssessorCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ProjectCode] nvarchar(32) COLLATE Latin1_General_100_BIN2 NULL,
        [Outcome] nvarchar(24) NOT NULL,
        [PlannedServiceTypes] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [ResponsibleMunicipalityCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [RecordedByCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [RequestId] varbinary(16) NOT NULL,
        [ContentHash] varbinary(32) NOT NULL,
        [CreateTime] datetime2 NOT NULL,
        CONSTRAINT [PK_needs_assessments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_needs_assessments_clients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [clients] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_needs_assessments_institutions_AssessorCode] FOREIGN KEY ([AssessorCode]) REFERENCES [institutions] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    CREATE INDEX [IX_needs_assessments_AssessmentDate] ON [needs_assessments] ([AssessmentDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    CREATE INDEX [IX_needs_assessments_AssessorCode] ON [needs_assessments] ([AssessorCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    CREATE INDEX [IX_needs_assessments_ClientId_AssessmentDate_Id] ON [needs_assessments] ([ClientId], [AssessmentDate], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    CREATE UNIQUE INDEX [IX_needs_assessments_RecordedByCode_RequestId] ON [needs_assessments] ([RecordedByCode], [RequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205000336_MonitoringAssessmentsOccupancy'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205000336_MonitoringAssessmentsOccupancy', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205013350_ServiceRecordDayTotals'
)
BEGIN
    CREATE TABLE [service_record_day_totals] (
        [ProviderCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [FirstDay] date NOT NULL,
        [ServiceType] nvarchar(40) NOT NULL,
        [FundingSource] nvarchar(24) NOT NULL,
        [ProjectCode] nvarchar(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
        [Records] bigint NOT NULL,
        [CostHigh] bigint NOT NULL,
        [CostLow] bigint NOT NULL,
        CONSTRAINT [PK_service_record_day_totals] PRIMARY KEY ([ProviderCode], [FirstDay], [ServiceType], [FundingSource], [ProjectCode])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205013350_ServiceRecordDayTotals'
)
BEGIN
    DELETE FROM service_record_day_totals;
    INSERT INTO service_record_day_totals (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, Records, CostHigh, CostLow)
    SELECT ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, COUNT(*), SUM(CostCents / 4294967296), SUM(CostCents % 4294967296)
    FROM service_records
    WHERE WithdrawTime IS NULL
    GROUP BY ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261205013350_ServiceRecordDayTotals'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261205013350_ServiceRecordDayTotals', N'10.0.14');
END;

COMMIT;
GO

