package nl.dialoogtafel.app;

import nl.dialoogtafel.accounts.AccountStore;
import nl.dialoogtafel.accounts.Auth;
import nl.dialoogtafel.archive.ArchiveCaches;
import nl.dialoogtafel.archive.KioskFollowUps;
import nl.dialoogtafel.http.OriginPolicy;
import nl.dialoogtafel.live.JoinGuard;
import nl.dialoogtafel.live.hub.Hubs;
import nl.dialoogtafel.ops.NodeMetrics;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Stores;
import nl.dialoogtafel.templates.TemplateCatalog;

/**
 * What the composition root builds once per node and every event loop shares: all of it is safe
 * to call from any thread (stores go through the database pool, the archive's memory is locked,
 * the live hubs hop to the loop a session lives on). What belongs to one event loop — its gateway
 * and its routes — each verticle instance builds itself.
 */
record Services(
    Settings settings,
    Database database,
    TemplateCatalog templates,
    Stores stores,
    OriginPolicy origins,
    AccountStore accounts,
    Auth auth,
    ArchiveCaches archiveCaches,
    KioskFollowUps kioskFollowUps,
    ArchiveHandlers archive,
    Hubs hubs,
    JoinGuard joinGuard,
    NodeMetrics metrics) {}
