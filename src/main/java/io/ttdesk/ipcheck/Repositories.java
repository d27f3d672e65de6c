package io.ttdesk.ipcheck;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IpCheckRepository extends JpaRepository<IpCheck, Long> {

  List<IpCheck> findByDealIdOrderByIdAsc(String dealId);
}

interface DeniedPartyRepository extends JpaRepository<DeniedParty, Long> {

  /** The list imported last (version names need not sort). */
  Optional<DeniedParty> findFirstByOrderByIdDesc();

  List<DeniedParty> findByListVersion(String listVersion);
}
