/* global $ */
/**
 * The jQuery host page: builds the same widgets as the portal's front page with jQuery, attributes only, and
 * listens to their events the jQuery way. Runs after the DOM is parsed (deferred), before or after the loader —
 * the loader defines tags whenever they appear.
 */
$(function () {
  var $provider = $('<qj-provider>').attr({ 'api-base': '/', 'embed-key': 'qj-demo-embed-key', locale: 'zh-CN' });

  var $cards = $('<div class="card-grid">');
  $.each(['T03', 'T07'], function (_index, taskId) {
    $cards.append($('<qj-task-progress-card>').attr({ 'task-id': taskId, variant: 'compact' }));
  });

  var $badges = $('<ul class="badge-list">');
  $.each(['445102007200', '445102007203'], function (_index, orgId) {
    $badges.append($('<li>').append($('<qj-branch-rating-badge>').attr({ 'org-id': orgId, year: '2025', details: '' })));
  });

  var $map = $('<qj-member-service-map>')
    .attr('base-layer', 'none')
    .append($('<span slot="attribution">').text('审图号：粤S(2024)xxx号（示例）'));

  $provider.append($cards, $badges, $map, $('<qj-mediation-case-form>'));
  $('#jquery-widgets').append($provider);

  // Widget events bubble out of their shadow roots (composed) like any DOM event.
  $(document).on('qj-task-open', 'qj-task-progress-card', function (event) {
    $('#jquery-events').text('qj-task-open：' + event.originalEvent.detail.taskId);
  });
});
