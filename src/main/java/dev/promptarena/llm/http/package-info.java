/** HTTP plumbing shared by the wire clients: JSON over java.net.http, retries, rate buckets, adaptive concurrency. */
package dev.promptarena.llm.http;
