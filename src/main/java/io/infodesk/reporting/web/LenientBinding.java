package io.infodesk.reporting.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;

/**
 * Form values that cannot be read (a unit id "abc", a date "明天下午", an unknown enum name) become empty
 * instead of failing the binding of the whole form record: the form is shown again with the user's input
 * and the "please choose / please fill in" message of the empty field, never a crash or a blank form.
 */
public final class LenientBinding {

	private LenientBinding() {
	}

	public static void register(WebDataBinder binder, Class<?>... enumTypes) {
		binder.registerCustomEditor(Long.class, editor(Long::valueOf));
		binder.registerCustomEditor(Integer.class, editor(Integer::valueOf));
		binder.registerCustomEditor(LocalDate.class, editor(LocalDate::parse));
		binder.registerCustomEditor(LocalDateTime.class, editor(LocalDateTime::parse));
		for (Class<?> type : enumTypes) {
			registerEnum(binder, type);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void registerEnum(WebDataBinder binder, Class<?> type) {
		Class<? extends Enum> enumType = (Class<? extends Enum>) type;
		binder.registerCustomEditor(type, editor(text -> Enum.valueOf(enumType, text)));
	}

	private static PropertyEditorSupport editor(Function<String, Object> parse) {
		return new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				if (text == null || text.isBlank()) {
					setValue(null);
					return;
				}
				try {
					setValue(parse.apply(text.strip()));
				}
				catch (IllegalArgumentException | DateTimeParseException unreadable) {
					setValue(null);
				}
			}

			@Override
			public String getAsText() {
				Object value = getValue();
				return value == null ? "" : value instanceof Enum<?> constant ? constant.name() : value.toString();
			}

		};
	}

}
