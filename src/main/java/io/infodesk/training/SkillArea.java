package io.infodesk.training;

/** 写、拍、编、剪、新媒体、舆情应对、学习强国; labels {@code training.skill.<NAME>}. */
public enum SkillArea {

	WRITING, PHOTOGRAPHY, EDITING, VIDEO, NEW_MEDIA, OPINION, XUEXI

}
