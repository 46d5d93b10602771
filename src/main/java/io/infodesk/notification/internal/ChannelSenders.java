package io.infodesk.notification.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one message through one channel, synchronously, with timeouts; a failure is an exception, recorded as its
 * neutral reason ({@link ChannelFailure}). Formats: WeCom group robot {@code {"msgtype":"text","text":{"content":…}}}; DingTalk group robot the
 * same shape, signed when the channel has a secret ({@code timestamp} and {@code sign} = URL-encoded Base64 of
 * HmacSHA256(secret, timestamp + "\n" + secret)); a generic webhook gets the notification as JSON.
 */
@Component
class ChannelSenders {

	private final NotificationSettings settings;

	private final SmtpSettingsRepository smtp;

	private final Clock clock;

	private final HttpClient http;

	private final ObjectMapper json = JsonMapper.builder().build();

	private final WebhookTargets targets;

	ChannelSenders(NotificationSettings settings, SmtpSettingsRepository smtp, Clock clock, WebhookTargets targets) {
		this.targets = targets;
		this.settings = settings;
		this.smtp = smtp;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	void send(Channel channel, OutgoingMessage message) throws Exception {
		switch (channel.getKind()) {
			case EMAIL -> sendMail(channel, message);
			case WECOM -> post(channel.getTarget(), robotText(message), true);
			case DINGTALK -> post(signed(channel), robotText(message), true);
			case WEBHOOK -> post(channel.getTarget(), webhookBody(message), false);
		}
	}

	private Map<String, Object> robotText(OutgoingMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("msgtype", "text");
		body.put("text", Map.of("content", message.text()));
		return body;
	}

	private Map<String, Object> webhookBody(OutgoingMessage message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", message.type().name());
		body.put("urgent", message.type().urgent());
		body.put("title", message.title());
		body.put("body", message.body());
		body.put("link", message.link());
		body.put("text", message.text());
		return body;
	}

	String signed(Channel channel) throws GeneralSecurityException {
		if (channel.getSecret() == null) {
			return channel.getTarget();
		}
		long timestamp = clock.millis();
		String separator = channel.getTarget().contains("?") ? "&" : "?";
		return channel.getTarget() + separator + "timestamp=" + timestamp + "&sign="
				+ dingTalkSign(timestamp, channel.getSecret());
	}

	/** DingTalk's robot signature, URL-encoded. */
	static String dingTalkSign(long timestamp, String secret) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] sign = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
		return URLEncoder.encode(Base64.getEncoder().encodeToString(sign), StandardCharsets.UTF_8);
	}

	private void post(String url, Map<String, Object> body, boolean robot) throws Exception {
		URI uri = URI.create(url);
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw ChannelFailure.targetRefused();
		}
		if (!targets.allowedNow(url)) {
			throw ChannelFailure.targetRefused();
		}
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			throw ChannelFailure.status(response.statusCode());
		}
		if (robot && response.body() != null && response.body().strip().startsWith("{")) {
			JsonNode answer = json.readTree(response.body());
			if (answer.has("errcode") && answer.get("errcode").asInt() != 0) {
				throw ChannelFailure.robot(answer.get("errcode").asInt());
			}
		}
	}

	private void sendMail(Channel channel, OutgoingMessage message) throws Exception {
		SmtpSettings server = smtp.findById(SmtpSettings.ID)
			.filter(s -> s.getHost() != null)
			.orElseThrow(ChannelFailure::smtpMissing);
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(server.getHost());
		sender.setPort(server.getPort());
		sender.setDefaultEncoding("UTF-8");
		Properties properties = sender.getJavaMailProperties();
		String timeout = Long.toString(settings.requestTimeout().toMillis());
		properties.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
		properties.put("mail.smtp.timeout", timeout);
		properties.put("mail.smtp.writetimeout", timeout);
		if (server.getUsername() != null && !server.getUsername().isBlank()) {
			sender.setUsername(server.getUsername());
			sender.setPassword(server.getPassword());
			properties.put("mail.smtp.auth", "true");
		}
		if (server.isStarttls()) {
			properties.put("mail.smtp.starttls.enable", "true");
			properties.put("mail.smtp.starttls.required", "true");
		}
		MimeMessage mail = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
		helper.setFrom(server.getFromAddress());
		helper.setTo(channel.getTarget());
		helper.setSubject("【" + message.typeLabel() + "】" + message.title());
		helper.setText(message.plainText(), message.html());
		sender.send(mail);
	}

}
