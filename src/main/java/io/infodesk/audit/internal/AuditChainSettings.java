package io.infodesk.audit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key of the audit chain and the record of its head outside the database ({@code infodesk.audit.chain.*}).
 *
 * @param key the HMAC-SM3 key as 64 hexadecimal digits (256 bits); when set, no file is read (several instances
 * share it this way, or by sharing the file)
 * @param keyFile where the key is kept otherwise, beside the SM4 key of the secrets
 * ({@code ${infodesk.data-dir}/keys/audit.key}); created on first start — keep it out of the database's backups'
 * reach but back it up separately: without it the keyed part of the chain can no longer be verified
 * @param headLog the append-only file the chain head is written to periodically (outside the database)
 * @param headCron when the head is written (Spring cron, Asia/Shanghai; "-" never), by default every 10 minutes
 * @param syslogHost a syslog receiver (UDP, RFC 5424) that gets each head line too; empty for none
 * @param syslogPort its port
 * @param retiredKeys former chain keys (64 hexadecimal digits each) after a rotation, so that the segments signed with
 * them still verify (docs/security.md, "Key rotation")
 */
@ConfigurationProperties("infodesk.audit.chain")
public record AuditChainSettings(String key, @DefaultValue("./data/keys/audit.key") Path keyFile,
		@DefaultValue("./data/audit/chain-head.log") Path headLog, @DefaultValue("0 */10 * * * *") String headCron,
		String syslogHost, @DefaultValue("514") int syslogPort, @DefaultValue java.util.List<String> retiredKeys) {

	@org.springframework.boot.context.properties.bind.ConstructorBinding
	public AuditChainSettings {
	}

	public AuditChainSettings(String key, Path keyFile, Path headLog, String headCron, String syslogHost, int syslogPort) {
		this(key, keyFile, headLog, headCron, syslogHost, syslogPort, java.util.List.of());
	}

}
