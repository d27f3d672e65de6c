package io.ttdesk.ipcheck;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IpCheckRepository extends JpaRepository<IpCheck, Long> {

  List<IpCheck> findByDealIdOrderByIdAsc(String dealId);
}

interface ExportControlItemRepository extends JpaRepository<ExportControlItem, Long> {

  /** The catalogue version of a country imported last. */
  Optional<ExportControlItem> findFirstByCountryOrderByIdDesc(String country);

  List<ExportControlItem> findByCountryAndListVersion(String country, String listVersion);

  boolean existsByListVersion(String listVersion);
}

interface DeniedPartyRepository extends JpaRepository<DeniedParty, Long> {

  /** The list imported last (version names need not sort). */
  Optional<DeniedParty> findFirstByOrderByIdDesc();

  List<DeniedParty> findByListVersion(String listVersion);

  boolean existsByListVersion(String listVersion);
}

interface DocketItemRepository extends JpaRepository<DocketItem, Long> {

  List<DocketItem> findByDealId(String dealId);

  Optional<DocketItem> findByDealIdAndItemKey(String dealId, String itemKey);
}
