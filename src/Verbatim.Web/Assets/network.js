// Draws the correspondence network of the page's filters with Cytoscape.js. The page is whole
// without it: the table beside it lists the same edges. The data comes from the reader's own
// /api/network (the address is in data-api), so the page holds no script and no data inline.
(function () {
  'use strict';
  var container = document.getElementById('network');
  if (!container || typeof cytoscape !== 'function') return;
  container.dataset.state = 'loading';
  // Cytoscape adds a <style> element unless one with this id is there; the policy forbids inline
  // style, so a marker stands in for it and verbatim.css holds the one rule it would add.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    var marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.appendChild(marker);
  }
  fetch(container.dataset.api, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) throw new Error('the network could not be read (' + response.status + ')');
      return response.json();
    })
    .then(function (network) {
      var elements = [];
      network.nodes.forEach(function (node) {
        elements.push({ data: { id: node.id, label: node.name, weight: node.sent + node.received } });
      });
      network.edges.forEach(function (edge, i) {
        elements.push({ data: { id: 'e' + i, source: edge.source, target: edge.target, role: edge.role, letters: edge.letters } });
      });
      var graph = cytoscape({
        container: container,
        elements: elements,
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 10, width: 'mapData(weight, 1, 50, 12, 40)', height: 'mapData(weight, 1, 50, 12, 40)', 'background-color': '#5b6f8a' } },
          { selector: 'node[id = "' + (container.dataset.person || '') + '"]', style: { 'background-color': '#a33' } },
          { selector: 'edge', style: { width: 'mapData(letters, 1, 50, 1, 8)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#999', 'target-arrow-color': '#999' } },
          { selector: 'edge[role = "copy"]', style: { 'line-style': 'dashed' } }
        ],
        layout: { name: network.nodes.length > 300 ? 'grid' : 'cose', animate: false }
      });
      graph.on('tap', 'node', function (event) {
        window.location.href = '/names/' + encodeURIComponent(event.target.id());
      });
      container.dataset.nodes = String(graph.nodes().length);
      container.dataset.edges = String(graph.edges().length);
      container.dataset.state = 'drawn';
    })
    .catch(function (error) {
      container.dataset.state = 'failed';
      container.textContent = error.message;
    });
})();
