package io.ttdesk.ipcheck;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IpCheckRepository extends JpaRepository<IpCheck, Long> {

  List<IpCheck> findByDealIdOrderByIdAsc(String dealId);
}

interface DeniedPartyRepository extends JpaRepository<DeniedParty, Long> {

  @Query("select max(p.listVersion) from DeniedParty p")
  Optional<String> latestVersion();

  List<DeniedParty> findByListVersion(String listVersion);
}
