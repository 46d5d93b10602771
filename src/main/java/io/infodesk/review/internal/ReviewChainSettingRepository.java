package io.infodesk.review.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.infodesk.review.ReviewChainSetting;
import io.infodesk.review.ReviewTrack;

public interface ReviewChainSettingRepository extends JpaRepository<ReviewChainSetting, Long> {

	Optional<ReviewChainSetting> findByDocumentTypeAndUnitIdAndTrack(String documentType, Long unitId,
			ReviewTrack track);

	List<ReviewChainSetting> findByDocumentType(String documentType);

}
