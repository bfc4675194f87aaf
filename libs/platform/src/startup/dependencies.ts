import { Socket } from 'node:net';
import { BACKWARDS, END, EventStoreDBClient } from '@eventstore/db-client';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import type { Dependency } from './wait-until-reachable';

/** host:port/database of a PostgreSQL URL: where it points, without the password. */
export function postgresAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** host:port list of an esdb:// connection string, without credentials or options. */
export function esdbAddress(connectionString: string): string {
  const rest = connectionString.replace(/^esdb(\+discover)?:\/\//, '');
  const hosts = rest.replace(/^[^@/]*@/, '').split(/[/?]/)[0];
  return hosts || connectionString;
}

export function postgresDependency(url: string): Dependency {
  return {
    name: 'PostgreSQL',
    setting: 'DATABASE_URL',
    address: postgresAddress(url),
    probe: async (timeoutMs) => {
      const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

export function eventStoreDbDependency(connectionString: string): Dependency {
  return {
    name: 'EventStoreDB',
    setting: 'ESDB_CONNECTION_STRING',
    address: esdbAddress(connectionString),
    probe: async (timeoutMs) => {
      const client = EventStoreDBClient.connectionString(connectionString);
      try {
        const read = client.readAll({
          fromPosition: END,
          direction: BACKWARDS,
          maxCount: 1,
          deadline: timeoutMs,
        });
        for await (const _event of read) break;
      } finally {
        await client.dispose().catch(() => undefined);
      }
    },
  };
}

/** Kafka answers when each broker accepts a TCP connection (the bus itself connects later, with its own retries). */
export function kafkaDependency(brokers: string[]): Dependency {
  return {
    name: 'Kafka',
    setting: 'KAFKA_BROKERS',
    address: brokers.join(','),
    probe: (timeoutMs) => Promise.all(brokers.map((b) => tcpConnect(b, timeoutMs))).then(() => undefined),
  };
}

/** Every server this configuration needs: PostgreSQL when DATABASE_URL is set, EventStoreDB, Kafka. */
export function configuredDependencies(config: AppConfig): Dependency[] {
  const dependencies: Dependency[] = [];
  if (config.databaseUrl) dependencies.push(postgresDependency(config.databaseUrl));
  if (config.eventStore === 'eventstoredb' && config.esdbConnectionString)
    dependencies.push(eventStoreDbDependency(config.esdbConnectionString));
  if (config.kafkaBrokers.length > 0) dependencies.push(kafkaDependency(config.kafkaBrokers));
  return dependencies;
}

export function tcpConnect(hostPort: string, timeoutMs: number): Promise<void> {
  const i = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, i);
  const port = Number(hostPort.slice(i + 1));
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const fail = (error: Error) => {
      socket.destroy();
      reject(new Error(`${hostPort}: ${error.message}`));
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer within ${timeoutMs}ms`)));
    socket.once('error', fail);
    socket.connect(port, host, () => {
      socket.end();
      resolve();
    });
  });
}
